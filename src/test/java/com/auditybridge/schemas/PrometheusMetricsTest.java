package com.auditybridge.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** After a run through the simulator, /prometheus shows what an operator watches, and /health the scheduler. */
@MicronautTest(environments = "sim", transactional = false)
class PrometheusMetricsTest extends BridgeTestBase {

    private String scrape() {
        return client.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class);
    }

    /** The sum of every sample of {@code metric} whose labels contain {@code labelPart}. */
    private static double sum(String scrape, String metric, String labelPart) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*})? ([0-9.eE+-]+)$")
                .matcher(scrape);
        double sum = 0;
        while (m.find()) {
            if (m.group(1) != null && m.group(1).contains(labelPart) || labelPart.isEmpty()) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    @Test
    void aLeadToAuditRunLeavesNonZeroRunStepUpstreamAndDeliveryMetrics() {
        String runId = leadArrived(newLead(), "\"callbackUrl\":\"http://127.0.0.1:9/gone\"");
        driveToEnd(runId, Duration.ofSeconds(5), 100);
        scheduler.runAnyDueExecutions();

        String scrape = scrape();

        assertThat(sum(scrape, "bridge_runs_started_total", "flow=\"lead-to-audit\""))
                .isPositive();
        assertThat(sum(scrape, "bridge_runs_finished_total", "status=\"completed\""))
                .isPositive();
        assertThat(sum(scrape, "bridge_step_latency_seconds_count", "step=\"convert\""))
                .isPositive();
        assertThat(sum(scrape, "bridge_upstream_calls_total", "outcome=\"success\""))
                .isPositive();
        assertThat(sum(scrape, "bridge_callback_attempts_total", "outcome=")).isPositive();
        for (String named : List.of("bridge_queue_due", "bridge_queue_oldest_due_age_seconds")) {
            assertThat(scrape).contains(named);
        }
    }

    @Test
    void upstream429sAndRateLimiterHoldsAreCounted() {
        List<String> runs = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> analysisRequested(projectFromConversion()))
                .toList();
        faults("{\"rateLimitStorm\":true}");
        scheduler.runAnyDueExecutions();
        faults("{}");
        driveAllToEnd(runs, Duration.ofSeconds(5), 200);

        String scrape = scrape();

        assertThat(sum(scrape, "bridge_upstream_throttled_total", "")).isPositive();
        assertThat(sum(scrape, "bridge_upstream_rate_limited_total", "")).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsTheSchedulerStateAndItsDueBacklog() {
        analysisRequested(PROJECT_ID);
        clock.advance(Duration.ofMinutes(1));

        Map<String, Object> health = call(HttpRequest.GET("/health")).object();
        Map<String, Object> scheduler =
                (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("scheduler");

        assertThat(scheduler.get("status")).isEqualTo("UP");
        assertThat((Map<String, Object>) scheduler.get("details"))
                .containsKeys("started", "paused", "executing", "due", "oldestDueAgeSeconds");
        assertThat(((Number) ((Map<String, Object>) scheduler.get("details")).get("due")).longValue())
                .isPositive();
    }
}
