package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The run a transition leaves, as {@link RunStore#applyState} builds it for the events instead of reading it again,
 * is the run as stored: whatever the transition changed, and what it left alone.
 */
@MicronautTest(environments = "sim", transactional = false)
class AppliedStateTest extends BridgeTestBase {
    @Inject
    RunStore runs;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aRetryAWaitAndANewStepWithIdsAndAResultLeaveTheRunAsStored() {
        String runId = analysisRequested(PROJECT_ID);

        appliedIsStored(runId, Transition.retry(clock.instant().plusSeconds(5), "retry", "a transient failure"), null);
        appliedIsStored(
                runId,
                Transition.again(RunStatus.RUNNING, clock.instant().plusSeconds(60), "missing", "not yet")
                        .waitingUntil(clock.instant().plus(Duration.ofDays(7))),
                null);
        appliedIsStored(
                runId,
                Transition.again(RunStatus.RUNNING, clock.instant().plusSeconds(60), "missing", "still not")
                        .waitingUntil(clock.instant().plus(Duration.ofDays(8))),
                null);
        appliedIsStored(
                runId,
                Transition.again(RunStatus.RUNNING, clock.instant(), "triggered", "job j-1")
                        .withJob("j-1")
                        .enter("poll"),
                "{\"result\":{\"jobId\":\"j-1\"}}");
        Run done = appliedIsStored(
                runId,
                Transition.again(RunStatus.RUNNING, clock.instant(), "completed", "analysis a-1")
                        .withAnalysis("a-1")
                        .end(),
                null);

        assertThat(done.jobId()).isEqualTo("j-1");
        assertThat(done.analysisId()).isEqualTo("a-1");
        assertThat(done.finishedAt()).isNotNull();
    }

    @Test
    void aFailureWithTheUpstreamsLongWordsLeavesTheRunAsStored() {
        String runId = analysisRequested(PROJECT_ID);

        Run failed =
                appliedIsStored(runId, Transition.fail(new RunError("X".repeat(100), "y".repeat(3000), 502)), null);

        assertThat(failed.error().code()).hasSize(60);
        assertThat(failed.error().message()).hasSize(2000);
    }

    private Run appliedIsStored(String runId, Transition t, String resultJson) {
        clock.advance(Duration.ofSeconds(1));
        Run before = runs.find(runId).orElseThrow();
        Instant now = clock.instant();

        Optional<Run> applied = transactions.executeWrite(status -> runs.applyState(before, t, now, resultJson));

        Run stored = runs.find(runId).orElseThrow();
        assertThat(applied).contains(stored);
        return stored;
    }
}
