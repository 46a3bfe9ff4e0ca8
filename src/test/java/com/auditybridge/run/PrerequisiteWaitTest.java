package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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

    @Test
    void theDeadlineSetAtTheFirst422IsKeptAcrossATransientErrorAndARetry() {
        String runId = waitingRun(projectFromConversion());
        Object deadline = deadlineOf(runId);
        assertThat(deadline).isNotNull();

        faults("{\"errorRate\":1.0}");
        clock.advance(Duration.ofMinutes(2));
        scheduler.runAnyDueExecutions();
        faults("{}");
        assertThat(run(runId).body()).contains("SERVER_ERROR");
        assertThat(deadlineOf(runId)).as("kept across a transient error").isEqualTo(deadline);

        Reply failed = driveToEnd(runId, Duration.ofMinutes(1), 30);
        assertFailedWith(failed, "PREREQUISITE_MISSING");
        assertThat(control(runId, "retry").status()).isEqualTo(200);
        Reply again = driveToEnd(runId, Duration.ofMinutes(1), 30);

        assertFailedWith(again, "PREREQUISITE_MISSING");
        assertThat(deadlineOf(runId))
                .as("kept across a retry: the run does not wait for ever")
                .isEqualTo(deadline);
    }

    private Object deadlineOf(String runId) {
        return connections.executeRead(status -> {
            try (var statement =
                    status.getConnection().prepareStatement("select wait_deadline from run where id = ?")) {
                statement.setString(1, runId);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
