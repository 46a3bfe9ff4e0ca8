package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each documented refusal of an analysis ends the run with its own code and a run.failed event. */
@MicronautTest(environments = "sim", transactional = false)
class AnalysisFailuresTest extends BridgeTestBase {

    private Reply analysisOf(String project) {
        return driveToEnd(analysisRequested(project), Duration.ofSeconds(5), 50);
    }

    @Test
    void anUnknownProjectFailsWithNotFound() {
        assertFailedWith(analysisOf(UUID.randomUUID().toString()), "NOT_FOUND");
    }

    @Test
    void aSpentAnalysisBudgetFailsWithQuotaExceeded() {
        String project = projectFromConversion();
        bridgeAccount("\"analysisBudgetUsd\":0");

        assertFailedWith(analysisOf(project), "QUOTA_EXCEEDED");
    }

    @Test
    void aProjectTooLargeToAnalyseFailsWithPayloadTooLarge() {
        String project = projectFromConversion();
        simProject(project, "{\"tooLarge\":true}");

        assertFailedWith(analysisOf(project), "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aFailedJobFailsTheRunWithAnalysisFailed() {
        String project = projectFromConversion();
        faults("{\"jobFailureRate\":1.0}");

        Reply done = assertFailedWith(analysisOf(project), "ANALYSIS_FAILED");

        assertThat(done.text("step")).isEqualTo("poll");
    }
}
