package com.auditybridge.run.parts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parts are read through the token's read budget. With 2 reads a minute, on the bridge and on the simulator
 * alike, the bucket holds one read (a tenth of the limit, at least 1) and refills one a minute and a margin: the
 * second part waits for it, held back without a thread waiting, and the simulator answers no 429.
 */
@MicronautTest(environments = "sim", transactional = false)
class AuditPartsReadBudgetTest extends AuditPartsTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("upstream.reads-per-minute", "2", "sim.audity.reads-per-minute", "2");
    }

    @Test
    void theReadsOfThePartsAreSpentFromTheReadBudgetAndTheSimulatorCountsThemWithoutA429() {
        String runId = analysisRequested(readyProject(), BOTH);

        Reply run = completed(runId);

        assertThat(run.at("result.parts")).isEqualTo(List.of("analysis", "deliverables"));
        assertThat(callsOf(ANALYSIS_ROUTE)).isEqualTo(Map.of("200", 1));
        assertThat(callsOf(DELIVERABLES_ROUTE)).isEqualTo(Map.of("200", 1));
        assertThat(((Map<?, ?>) counters().get("rateLimited")).containsKey("audity"))
                .isFalse();
        Instant analysisRead = readAt(run, "read-analysis");
        Instant deliverablesRead = readAt(run, "read-deliverables");
        assertThat(Duration.between(analysisRead, deliverablesRead)).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    }

    @SuppressWarnings("unchecked")
    private static Instant readAt(Reply run, String step) {
        return ((List<Map<String, Object>>) run.at("timeline"))
                .stream()
                        .filter(entry -> step.equals(entry.get("step")))
                        .map(entry -> Instant.parse((String) entry.get("at")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no read by " + step + ": " + run.body()));
    }
}
