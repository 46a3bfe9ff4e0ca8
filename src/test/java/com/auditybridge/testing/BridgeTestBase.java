package com.auditybridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.sim.SimTestBase;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole service over real HTTP against its embedded simulators, with the clock and the
 * scheduler in the test's hands: {@link #driveToEnd} runs due steps and moves time, no sleeping.
 */
@ExtendWith(DropsTestDatabase.class)
public abstract class BridgeTestBase extends SimTestBase {
    protected static final String API_KEY = "test-key";
    /** A well-formed project id, for hooks whose runs the test never drives. */
    protected static final String PROJECT_ID = "6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b";

    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

    @Inject
    protected ManualScheduler scheduler;

    @Inject
    JdbcOperations jdbc;

    @Inject
    protected ConnectionOperations<Connection> connections;

    protected BridgeRows rows;
    private final Map<String, String> companies = new java.util.concurrent.ConcurrentHashMap<>();
    /** When the current test began; the clock never goes back between tests, as the bridge's rate lanes live on. */
    protected Instant testStart = MutableClock.START;
    /** H2 in memory, or this class's own Postgres schema under {@code -Ppostgres}; made once per class. */
    private TestDatabase database;

    @BeforeEach
    void freshBridge() {
        rows = new BridgeRows(jdbc);
        rows.clear();
        clock.set(testStart);
    }

    @AfterEach
    void clockMovesOn() {
        testStart = clock.instant().plus(Duration.ofHours(1));
    }

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
        properties.putAll(database().properties());
        properties.putAll(extraProperties());
        return properties;
    }

    /** This class's database, created the first time the bridge's properties are asked for. */
    protected TestDatabase database() {
        if (database == null) {
            database = TestDatabase.inMemory(getClass().getSimpleName());
        }
        return database;
    }

    void dropDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /**
     * A test class's own settings. Put them here rather than in {@code @Property} annotations: mixed
     * with a property provider, those were seen to drop the provider's port.
     */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    /** {@link #freshBridge} moves the clock, forward only. */
    @Override
    protected void resetClock() {}

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
        connections.executeWrite(
                status -> withStatement(status.getConnection(), sql, args, PreparedStatement::executeUpdate));
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
        assertThat(runRows())
                .as("runs stored by a refused call: " + reply.body())
                .isEqualTo(before);
        return reply;
    }

    /** Whether the run has a task on the durable queue. */
    protected boolean queued(String runId) {
        return count("select count(*) from scheduled_tasks where task_name = 'run' and task_instance = ?", runId) == 1;
    }

    /** Sets the simulator account's credits (the bridge's own token unless told otherwise). */
    protected void setCredits(long credits) {
        Reply account =
                admin(HttpRequest.PUT("/sim/admin/audity/accounts", Map.of("token", BRIDGE_TOKEN, "credits", credits)));
        assertThat(account.status()).as(account.body()).isEqualTo(200);
    }

    /** Asserts an RFC 9457 answer with the documented members, and answers it for more checks. */
    protected static Reply assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.object())
                .containsKeys("type", "title", "status", "detail", "code")
                .containsEntry("status", status)
                .containsEntry("code", code);
        return reply;
    }

    /** The {field, message} pairs of a problem, as "field" keys. */
    @SuppressWarnings("unchecked")
    protected static List<String> problemFields(Reply problem) {
        return ((List<Map<String, Object>>) problem.at("errors"))
                .stream().map(e -> (String) e.get("field")).toList();
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
        throw new AssertionError("run " + runId + " did not end within " + maxRounds + " rounds: "
                + run(runId).body());
    }

    /** A lead-arrived hook for {@code leadId}; {@code extra} is more JSON members, e.g. {@code "analysis":"none"}. */
    protected String leadArrived(String leadId, String extra) {
        Reply accepted =
                hook("lead-arrived", "{\"leadId\":\"" + leadId + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}");
        assertAccepted(accepted);
        return accepted.text("runId");
    }

    /** An analysis-requested hook for {@code projectId}. */
    protected String analysisRequested(String projectId) {
        Reply accepted = hook("analysis-requested", "{\"projectId\":\"" + projectId + "\"}");
        assertAccepted(accepted);
        return accepted.text("runId");
    }

    private static void assertAccepted(Reply accepted) {
        if (accepted.status() != 202) {
            throw new AssertionError("hook not accepted: " + accepted.status() + " " + accepted.body());
        }
    }

    /** Steps due runs and moves the clock by {@code tick} until every one of {@code runIds} ended. */
    protected void driveAllToEnd(List<String> runIds, Duration tick, int maxRounds) {
        for (int round = 0; round < maxRounds; round++) {
            scheduler.runAnyDueExecutions();
            if (runIds.stream().allMatch(id -> TERMINAL.contains(run(id).text("status")))) {
                return;
            }
            clock.advance(tick);
        }
        throw new AssertionError("runs did not end within " + maxRounds + " rounds: "
                + runIds.stream().map(id -> run(id).body()).toList());
    }

    /** Asserts the run failed with {@code code} and wrote its run.failed event; answers the run. */
    protected Reply assertFailedWith(Reply run, String code) {
        String runId = run.text("runId");
        if (!"failed".equals(run.text("status")) || !code.equals(run.text("error.code"))) {
            throw new AssertionError("expected failed with " + code + ": " + run.body());
        }
        if (rows.events(runId).stream().noneMatch(e -> "run.failed".equals(e.get("type")))) {
            throw new AssertionError("no run.failed event for " + runId + ": " + rows.events(runId));
        }
        return run;
    }

    /**
     * A fresh unconverted lead of the bridge's simulator account, added through the admin API (no token calls).
     * Its company, and so the client name of the project it becomes, is {@link #companyOf} the lead.
     */
    protected String newLead() {
        String company = "Company " + companies.size();
        String lead = admin(HttpRequest.POST(
                        "/sim/admin/audity/leads", Map.of("token", BRIDGE_TOKEN, "companyName", company)))
                .text("id");
        companies.put(lead, company);
        return lead;
    }

    protected String companyOf(String leadId) {
        return companies.get(leadId);
    }

    /** A project of the bridge's account, made by converting a fresh lead directly in the simulator. */
    protected String projectFromConversion() {
        return audity(
                        HttpRequest.POST("/sim/audity/api/lead-generation/leads/" + newLead() + "/convert", ""),
                        BRIDGE_TOKEN)
                .text("data.auditId");
    }

    /** Replaces the simulator's faults with {@code json}, e.g. {@code {"errorRate":0.2}}. */
    protected void faults(String json) {
        simAdmin(HttpRequest.PUT("/sim/admin/faults", json));
    }

    /** Updates the bridge's simulator account with {@code fields}, e.g. {@code "credits":0}. */
    protected void bridgeAccount(String fields) {
        simAdmin(HttpRequest.PUT("/sim/admin/audity/accounts", "{\"token\":\"" + BRIDGE_TOKEN + "\"," + fields + "}"));
    }

    protected void simProject(String projectId, String json) {
        simAdmin(HttpRequest.PUT("/sim/admin/audity/projects/" + projectId, json));
    }

    protected void killSwitch(boolean apiDisabled) {
        simAdmin(HttpRequest.PUT("/sim/admin/audity/kill-switch", Map.of("apiDisabled", apiDisabled)));
    }

    private void simAdmin(io.micronaut.http.MutableHttpRequest<?> request) {
        Reply reply = admin(request.contentType(MediaType.APPLICATION_JSON_TYPE));
        if (reply.status() != 200) {
            throw new AssertionError("simulator admin refused: " + reply.status() + " " + reply.body());
        }
    }

    /** The token the bridge uses against the simulator (application-sim.yml). */
    protected static final String BRIDGE_TOKEN = "aky_DemoSimulatorToken0123456789abcd";

    /** The id of an unconverted seeded lead of the bridge's own simulator account. */
    @SuppressWarnings("unchecked")
    protected String unconvertedLead(int index) {
        Reply leads =
                audity(HttpRequest.GET("/sim/audity/api/lead-generation/leads?status=active&limit=50"), BRIDGE_TOKEN);
        return ((java.util.List<Map<String, Object>>) leads.at("data"))
                .stream()
                        .filter(lead -> !"converted".equals(lead.get("surveyStatus")))
                        .map(lead -> (String) lead.get("id"))
                        .skip(index)
                        .findFirst()
                        .orElseThrow();
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
