package com.auditybridge.run;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A 422 PREREQUISITE_MISSING parks the run in waiting until the project is ready or the deadline passes. */
@MicronautTest(environments = "sim", transactional = false)
@Property(name = "bridge.flows.prerequisite-wait", value = "10m")
class PrerequisiteWaitTest extends BridgeTestBase {

    private String waitingRun(String project) {
        simProject(project, "{\"hasInterviewAnalysis\":false}");
        String runId = analysisRequested(project);
        scheduler.runAnyDueExecutions();
        assertThat(run(runId).text("status")).as(run(runId).body()).isEqualTo("waiting");
        return runId;
    }

    @Test
    void aRunWaitsForTheInterviewAnalysisAndCompletesOnceItExists() {
        String project = projectFromConversion();
        String runId = waitingRun(project);
        clock.advance(Duration.ofMinutes(3));
        scheduler.runAnyDueExecutions();
        assertThat(run(runId).text("status")).isEqualTo("waiting");

        simProject(project, "{\"hasInterviewAnalysis\":true}");
        Reply done = driveToEnd(runId, Duration.ofSeconds(30), 40);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(done.text("result.analysisId")).isNotBlank();
    }

    @Test
    void aRunStillMissingItsPrerequisitesAfterTheDeadlineFails() {
        String runId = waitingRun(projectFromConversion());

        Reply done = driveToEnd(runId, Duration.ofMinutes(1), 30);

        assertFailedWith(done, "PREREQUISITE_MISSING");
        assertThat(Duration.between(testStart, clock.instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
    }
}
