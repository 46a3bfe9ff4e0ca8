package com.auditybridge.leadsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.security.AdminTestBase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schedule on ({@code bridge.lead-sync.enabled}, every 15 minutes): it re-runs the {@code default}
 * connection's sync only; another connection's sync, asked for on demand, runs once.
 */
@MicronautTest(environments = "sim", transactional = false)
class LeadSyncScheduleTest extends AdminTestBase {
    private static final String LIST_LEADS = "GET /sim/audity/api/lead-generation/leads";

    @Inject
    LeadSyncTrigger trigger;

    @Inject
    ApplicationContext context;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("bridge.lead-sync.enabled", "true");
        properties.put("bridge.lead-sync.cron", "0 */15 * * * *");
        return properties;
    }

    @Test
    void theCronResyncsTheDefaultConnectionOnlyWhileAnotherConnectionsOnDemandSyncRunsOnce() {
        // Startup put the default connection on the schedule; each test begins with an empty queue, so again.
        trigger.onStartup(new StartupEvent(context));
        Reply second = secondConnection();
        String secondId = second.text("id");

        assertThat(call(HttpRequest.POST("/v1/lead-sync", "").bearerAuth(second.text("apiKey.key")))
                        .status())
                .isEqualTo(202);
        scheduler.runAnyDueExecutions();
        long secondSeen = seenBy(secondId);
        assertThat(secondSeen)
                .as("leads the on-demand sync of the second connection saw")
                .isEqualTo(4);
        assertThat(leadLists()).isEqualTo(1);

        String secondLate = newLeadOf(SECOND_TOKEN);
        String defaultLate = newLeadOf(BRIDGE_TOKEN);
        Instant end = clock.instant().plus(Duration.ofMinutes(61));
        while (clock.instant().isBefore(end)) {
            scheduler.runAnyDueExecutions();
            clock.advance(Duration.ofMinutes(1));
        }

        // Cron times 12:15, 12:30, 12:45 and 13:00 passed: four syncs of the default connection, none of the second.
        assertThat(leadLists()).as("lead lists read upstream").isEqualTo(1 + 4);
        assertThat(seenBy(secondId)).isEqualTo(secondSeen);
        assertThat(conversionsOf(secondLate))
                .as("conversions of the second connection's later lead")
                .isZero();
        assertThat(seenBy("default")).isEqualTo(5);
        assertThat(conversionsOf(defaultLate))
                .as("conversions of the default connection's later lead")
                .isEqualTo(1);
        assertThat(syncTasks(secondId)).isZero();
        assertThat(syncTasks("default")).isEqualTo(1);
    }

    private long seenBy(String connectionId) {
        return count("select count(*) from lead_seen where connection_id = ?", connectionId);
    }

    private long syncTasks(String connectionId) {
        return count(
                "select count(*) from scheduled_tasks where task_name = ? and task_instance = ?",
                LeadSyncTask.NAME,
                connectionId);
    }

    /** A young lead scoring 95 for the simulator account of {@code token}. */
    private String newLeadOf(String token) {
        return admin(HttpRequest.POST(
                        "/sim/admin/audity/leads", Map.of("token", token, "aiReadinessScore", 95.0, "daysOld", 0)))
                .text("id");
    }

    /** How many times the simulator answered a list of leads, whatever the token. */
    private long leadLists() {
        Map<?, ?> byStatus = (Map<?, ?>) ((Map<?, ?>) counters().get("calls")).get(LIST_LEADS);
        return byStatus == null
                ? 0
                : byStatus.values().stream()
                        .mapToLong(n -> ((Number) n).longValue())
                        .sum();
    }
}
