package com.auditybridge.testing;

import com.auditybridge.sim.SimTestBase;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The whole service over real HTTP against its embedded simulators, with the clock and the
 * scheduler in the test's hands: {@link #driveToEnd} runs due steps and moves time, no sleeping.
 */
public abstract class BridgeTestBase extends SimTestBase {
    protected static final String API_KEY = "test-key";
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

    @Inject
    protected ManualScheduler scheduler;
    @Inject
    protected javax.sql.DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("test.scheduler", "manual");
        properties.put("bridge.api-keys", API_KEY);
        properties.put("bridge.allow-private-callbacks", "true");
        properties.put("datasources.default.url", "jdbc:h2:mem:" + getClass().getSimpleName()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        properties.putAll(extraProperties());
        return properties;
    }

    /**
     * A test class's own settings. Put them here rather than in {@code @Property} annotations: mixed
     * with a property provider, those were seen to drop the provider's port.
     */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    /**
     * Time only moves forward for the bridge, as it does in production: its rate limiters and lane
     * pauses live as long as the application context, across tests.
     */
    @Override
    protected void resetClock() {
        clock.advance(Duration.ofDays(1));
    }

    protected Reply hook(String path, String body) {
        return call(HttpRequest.POST("/v1/hooks/" + path, body).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(API_KEY));
    }

    protected Reply run(String runId) {
        return call(HttpRequest.GET("/v1/runs/" + runId).bearerAuth(API_KEY));
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

    /** A count straight from the database, outside the service's transactions. */
    protected long count(String sql, Object... args) {
        try (java.sql.Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected Map<String, Object> counters() {
        return admin(HttpRequest.GET("/sim/admin/counters")).object();
    }
}
