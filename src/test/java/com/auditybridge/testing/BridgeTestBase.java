package com.auditybridge.testing;

import com.auditybridge.sim.SimTestBase;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.http.MutableHttpRequest;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service over real HTTP against its embedded simulators, with the clock and the
 * scheduler in the test's hands: {@link #driveToEnd} runs due steps and moves time, no sleeping.
 */
public abstract class BridgeTestBase extends SimTestBase {
    protected static final String API_KEY = "test-key";
    /** A well-formed project id, for hooks whose runs the test never drives. */
    protected static final String PROJECT_ID = "6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b";
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

    @Inject
    protected ManualScheduler scheduler;
    @Inject
    protected ConnectionOperations<Connection> connections;

    @Override
    public Map<String, String> getProperties() {
        return bridgeProperties();
    }

    /** This base's properties with one changed, for a test class's own {@link #getProperties}. */
    protected Map<String, String> propertiesWith(String key, String value) {
        Map<String, String> properties = bridgeProperties();
        properties.put(key, value);
        return properties;
    }

    private Map<String, String> bridgeProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("test.scheduler", "manual");
        properties.put("bridge.api-keys", API_KEY);
        properties.put("bridge.allow-private-callbacks", "true");
        properties.put("datasources.default.url", "jdbc:h2:mem:" + getClass().getSimpleName()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return properties;
    }

    protected Reply hook(String path, String body) {
        return call(hookRequest(path, body));
    }

    /** A hook call as a well-behaved caller sends it (JSON, Bearer key), for a test to vary. */
    protected MutableHttpRequest<String> hookRequest(String path, String body) {
        return unsignedHookRequest(path, body).bearerAuth(API_KEY);
    }

    /** A JSON hook call that carries no API key yet. */
    protected static MutableHttpRequest<String> unsignedHookRequest(String path, String body) {
        return HttpRequest.POST("/v1/hooks/" + path, body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    protected Reply hookWithKey(String path, String body, String idempotencyKey) {
        return call(hookRequest(path, body).header("Idempotency-Key", idempotencyKey));
    }

    /** How many rows a query counts, read straight from the service's database. */
    protected long count(String sql, Object... args) {
        return connections.executeRead(status -> withStatement(status.getConnection(), sql, args, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** Writes straight to the service's database, for states no API call can make. */
    protected void execute(String sql, Object... args) {
        connections.executeWrite(status -> withStatement(status.getConnection(), sql, args, PreparedStatement::executeUpdate));
    }

    private interface StatementWork<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    private static <T> T withStatement(Connection connection, String sql, Object[] args, StatementWork<T> work) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return work.apply(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected long runRows() {
        return count("select count(*) from run");
    }

    /** Makes a call that must be refused, and asserts it stored no run. */
    protected Reply storingNothing(Supplier<Reply> call) {
        long before = runRows();
        Reply reply = call.get();
        assertThat(runRows()).as("runs stored by a refused call: " + reply.body()).isEqualTo(before);
        return reply;
    }

    /** Whether the run has a task on the durable queue. */
    protected boolean queued(String runId) {
        return count("select count(*) from scheduled_tasks where task_name = 'run' and task_instance = ?", runId) == 1;
    }

    /** Sets the simulator account's credits (the bridge's own token unless told otherwise). */
    protected void setCredits(long credits) {
        Reply account = admin(HttpRequest.PUT("/sim/admin/audity/accounts", Map.of("token", BRIDGE_TOKEN, "credits", credits)));
        assertThat(account.status()).as(account.body()).isEqualTo(200);
    }

    /** Asserts an RFC 9457 answer with the documented members, and answers it for more checks. */
    protected static Reply assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.object()).containsKeys("type", "title", "status", "detail", "code")
                .containsEntry("status", status).containsEntry("code", code);
        return reply;
    }

    /** The {field, message} pairs of a problem, as "field" keys. */
    @SuppressWarnings("unchecked")
    protected static List<String> problemFields(Reply problem) {
        return ((List<Map<String, Object>>) problem.at("errors")).stream().map(e -> (String) e.get("field")).toList();
    }

    protected Reply run(String runId) {
        return call(HttpRequest.GET("/v1/runs/" + runId).bearerAuth(API_KEY));
    }

    /** The id of the run the runs API lists first (the newest). */
    protected String newestRunId() {
        return call(HttpRequest.GET("/v1/runs?limit=1").bearerAuth(API_KEY)).text("runs.0.runId");
    }

    /** POST /v1/runs/{id}/{action}: cancel or retry. */
    protected Reply control(String runId, String action) {
        return call(HttpRequest.POST("/v1/runs/" + runId + "/" + action, "").bearerAuth(API_KEY));
    }

    /** Executes due steps, moving the clock by {@code tick} between rounds, until the run ends. */
    protected Reply driveToEnd(String runId, Duration tick, int maxRounds) {
        for (int round = 0; round < maxRounds; round++) {
            scheduler.runAnyDueExecutions();
            Reply run = run(runId);
            if (TERMINAL.contains(run.text("status"))) {
                return run;
            }
            clock.advance(tick);
        }
        throw new AssertionError("run " + runId + " did not end within " + maxRounds + " rounds: " + run(runId).body());
    }

    /** The token the bridge uses against the simulator (application-sim.yml). */
    protected static final String BRIDGE_TOKEN = "aky_DemoSimulatorToken0123456789abcd";

    /** The id of an unconverted seeded lead of the bridge's own simulator account. */
    @SuppressWarnings("unchecked")
    protected String unconvertedLead(int index) {
        Reply leads = audity(HttpRequest.GET("/sim/audity/api/lead-generation/leads?status=active&limit=50"), BRIDGE_TOKEN);
        return ((java.util.List<Map<String, Object>>) leads.at("data")).stream()
                .filter(lead -> !"converted".equals(lead.get("surveyStatus")))
                .map(lead -> (String) lead.get("id"))
                .skip(index).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    protected int conversionsOf(String leadId) {
        Object count = ((Map<String, Object>) counters().get("conversions")).get(leadId);
        return count == null ? 0 : ((Number) count).intValue();
    }

    protected Map<String, Object> counters() {
        return admin(HttpRequest.GET("/sim/admin/counters")).object();
    }
}
