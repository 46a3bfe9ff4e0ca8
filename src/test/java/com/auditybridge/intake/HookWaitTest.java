package com.auditybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ?wait=N} holds the answer until the run ends, or answers the usual 202. */
@MicronautTest(environments = "sim", transactional = false)
class HookWaitTest extends BridgeTestBase {

    @Test
    void aRunThatEndsWhileTheCallerWaitsIsAnswered200WithTheFinalRun() throws Exception {
        String lead = unconvertedLead(0);
        long before = runRows();
        CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(
                () -> hook("lead-arrived?wait=20", "{\"leadId\":\"%s\",\"analysis\":\"none\"}".formatted(lead)));
        await().atMost(Duration.ofSeconds(5)).until(() -> runRows() > before);

        Reply ended = driveToEnd(newestRunId(), Duration.ofSeconds(5), 50);
        Reply answer = waiting.get(15, TimeUnit.SECONDS);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.object())
                .containsEntry("runId", ended.text("runId"))
                .containsEntry("status", "completed")
                .containsEntry("flow", "lead-to-audit")
                .containsKeys("result", "timeline", "finishedAt");
        assertThat(conversionsOf(lead)).isEqualTo(1);
    }

    @Test
    void aRunThatDoesNotEndInTimeIsAnsweredTheUsual202() throws Exception {
        CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(
                () -> hook("analysis-requested?wait=1", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID)));
        await().atMost(Duration.ofSeconds(5)).until(() -> runRows() > 0);

        Reply reply = whenTheServiceClockMovesOn(waiting);

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.object()).containsEntry("status", "queued");
        assertThat(reply.header("Location")).isEqualTo("/v1/runs/" + reply.text("runId"));
    }

    @Test
    void theHoldEndsWhenTheServiceClockPassesItsDeadlineNotTheMachineClock() throws Exception {
        CompletableFuture<Reply> waiting = CompletableFuture.supplyAsync(
                () -> hook("analysis-requested?wait=20", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID)));
        await().atMost(Duration.ofSeconds(5)).until(() -> runRows() > 0);
        clock.advance(Duration.ofSeconds(19));
        assertThat(waiting).as("held while the service clock is short of 20 s").isNotDone();

        // Answered well within the 20 s the machine's own clock would have held the caller.
        Reply reply = whenTheServiceClockMovesOn(waiting);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.object()).containsEntry("status", "queued");
    }

    /** Moves the service clock a second at a time until the held answer comes, for at most 5 s of real time. */
    private Reply whenTheServiceClockMovesOn(CompletableFuture<Reply> waiting) throws Exception {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    clock.advance(Duration.ofSeconds(1));
                    return waiting.isDone();
                });
        return waiting.get();
    }

    @Test
    void aWaitOfZeroAnswersAtOnce() {
        Reply reply = hook("analysis-requested?wait=0", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID));

        assertThat(reply.status()).isEqualTo(202);
    }

    @Test
    void aDuplicateOfAnEndedRunIsAnsweredAtOnceEvenWhenTheCallerWouldWait() {
        String lead = unconvertedLead(1);
        Reply first = hook("lead-arrived", "{\"leadId\":\"%s\",\"analysis\":\"none\"}".formatted(lead));
        driveToEnd(first.text("runId"), Duration.ofSeconds(5), 50);

        Reply again = hook("lead-arrived?wait=25", "{\"leadId\":\"%s\",\"analysis\":\"none\"}".formatted(lead));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.object()).containsEntry("runId", first.text("runId")).containsEntry("status", "completed");
    }
}
