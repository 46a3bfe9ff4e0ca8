package com.auditybridge.leadsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sync reads twice (the leads, then the credits). Held back on the second read, it comes back needing only that one:
 * were it to list the leads again, every token the read budget freed would go to the list and the sync would be held
 * back on the credits for ever.
 */
@MicronautTest(environments = "sim", transactional = false)
class LeadSyncHeldBackTest extends BridgeTestBase {
    private static final String LIST_ROUTE = "calls.GET /sim/audity/api/lead-generation/leads";

    @Override
    protected Map<String, String> extraProperties() {
        // Reads: a bucket of 2 refilling 18 a minute, one token every 3.4 s.
        return Map.of("upstream.reads-per-minute", "20", "bridge.lead-sync.min-score", "70");
    }

    @Test
    void aSyncHeldBackOnTheCreditsComesBackForThemAloneAndStartsItsConversions() {
        admin(HttpRequest.POST(
                "/sim/admin/audity/leads", Map.of("token", BRIDGE_TOKEN, "aiReadinessScore", 95.0, "daysOld", 0)));
        // The dry run spends the budget's two reads.
        assertThat(call(HttpRequest.POST("/v1/lead-sync?dryRun=true", "").bearerAuth(API_KEY))
                        .status())
                .isEqualTo(200);
        long listedBefore = calls(LIST_ROUTE);

        assertThat(call(HttpRequest.POST("/v1/lead-sync", "").bearerAuth(API_KEY))
                        .status())
                .isEqualTo(202);
        for (int round = 0; round < 20 && runRows() == 0; round++) {
            scheduler.runAnyDueExecutions();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(runRows()).as("conversions started by the sync").isPositive();
        // Held back on the list once (no read left), then on the credits; the retry reads the credits alone.
        assertThat(calls(LIST_ROUTE) - listedBefore).isEqualTo(1);
    }

    private long calls(String route) {
        Object byStatus = counter(route);
        return byStatus instanceof Map<?, ?> statuses
                ? statuses.values().stream()
                        .mapToLong(n -> ((Number) n).longValue())
                        .sum()
                : 0;
    }
}
