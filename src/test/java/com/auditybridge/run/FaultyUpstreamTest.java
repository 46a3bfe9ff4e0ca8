package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** 5xx, resets and a 429 storm slow the runs down but every one finishes, converts once, and stays in budget. */
@MicronautTest(environments = "sim", transactional = false)
class FaultyUpstreamTest extends BridgeTestBase {
    private static final String FLAKY = "{\"errorRate\":0.2,\"resetRate\":0.05,\"seed\":1}";
    private static final String STORM = "{\"rateLimitStorm\":true}";
    private static final Duration TICK = Duration.ofSeconds(1);

    @Test
    @SuppressWarnings("unchecked")
    void tenLeadsFinishThroughFlakyAnswersAndARateLimitStormWithinEveryPerTokenLimit() {
        List<String> leads = IntStream.range(0, 10).mapToObj(i -> newLead()).toList();
        List<String> runIds = leads.stream().map(lead -> leadArrived(lead, "")).toList();
        for (String phase : List.of(STORM, FLAKY, STORM)) {
            faults(phase);
            stepFor(12);
        }
        faults(FLAKY);

        driveAllToEnd(runIds, TICK, 2400);

        // A paid call answered by a 5xx is in doubt: it is sent again only after the settle window and two looks, and
        // at most once more for a trigger, so a run whose trigger met two 5xx asks a human instead of paying blind.
        assertThat(runIds)
                .allSatisfy(id -> assertThat(endOf(id))
                        .as(run(id).body())
                        .isIn("completed", "failed ANALYSIS_UNCONFIRMED", "failed CONVERSION_UNCONFIRMED"));
        assertThat(leads).allSatisfy(lead -> assertThat(conversionsOf(lead)).isLessThanOrEqualTo(1));
        assertThat(runIds.stream()
                        .filter(id -> "completed".equals(run(id).text("status")))
                        .count())
                .isPositive();
        assertThat(runIds)
                .allSatisfy(id -> assertThat(conversionsOf(run(id).text("input.leadId")))
                        .isEqualTo(endOf(id).endsWith("CONVERSION_UNCONFIRMED") ? 0 : 1));
        Map<String, Map<String, Number>> peaks =
                (Map<String, Map<String, Number>>) counters().get("peaks");
        System.out.println("calls: " + counters().get("calls") + "\nobserved peaks per sliding minute: " + peaks
                + ", 429s: " + counters().get("rateLimited") + ", minutes simulated: "
                + Duration.between(testStart, clock.instant()).toMinutes());
        assertThat(peaks).isNotEmpty().allSatisfy((prefix, byClass) -> {
            assertThat(byClass.getOrDefault("reads", 0).intValue()).isLessThanOrEqualTo(100);
            assertThat(byClass.getOrDefault("writes", 0).intValue()).isLessThanOrEqualTo(20);
            assertThat(byClass.getOrDefault("polling", 0).intValue()).isLessThanOrEqualTo(120);
        });
    }

    /** "completed", or "failed" and the error's code. */
    private String endOf(String runId) {
        Reply run = run(runId);
        return "failed".equals(run.text("status")) ? "failed " + run.text("error.code") : run.text("status");
    }

    private void stepFor(int rounds) {
        for (int round = 0; round < rounds; round++) {
            scheduler.runAnyDueExecutions();
            clock.advance(TICK);
        }
    }
}
