package com.auditybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Idempotency-Key replays, and lead-to-audit deduplicated on its lead. */
@MicronautTest(environments = "sim", transactional = false)
class HookDeduplicationTest extends BridgeTestBase {

    @Test
    void theSameKeyWithTheSameBodyAnswers200WithTheSameRun() {
        String body = analysisOf(PROJECT_ID);
        Reply first = hookWithKey("analysis-requested", body, "order-1");

        Reply again = storingNothing(() -> hookWithKey("analysis-requested", body, "order-1"));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.object())
                .containsEntry("runId", first.text("runId"))
                .containsEntry("deduped", true)
                .containsEntry("flow", "project-analysis")
                .containsEntry("statusUrl", "/v1/runs/" + first.text("runId"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422() {
        hookWithKey("analysis-requested", analysisOf(PROJECT_ID), "order-2");

        Reply reply = storingNothing(
                () -> hookWithKey("analysis-requested", analysisOf("0e0e0e0e-1111-4222-8333-444455556666"), "order-2"));

        assertProblem(reply, 422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void theSameKeyOnAnotherHookIsA422() {
        hookWithKey("analysis-requested", analysisOf(PROJECT_ID), "order-3");

        Reply reply = hookWithKey(
                "project-update",
                "{\"projectId\":\"%s\",\"changes\":{\"industry\":\"Retail\"}}".formatted(PROJECT_ID),
                "order-3");

        assertProblem(reply, 422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aKeyIsForgottenAfterADaySoItStartsANewRun() {
        String body = analysisOf(PROJECT_ID);
        Reply first = hookWithKey("analysis-requested", body, "order-4");
        clock.advance(Duration.ofHours(25));

        Reply later = hookWithKey("analysis-requested", body, "order-4");

        assertThat(later.status()).as(later.body()).isEqualTo(202);
        assertThat(later.text("runId")).isNotEqualTo(first.text("runId"));
    }

    @Test
    void differentKeysStartDifferentRuns() {
        Reply first = hookWithKey("analysis-requested", analysisOf(PROJECT_ID), "order-5");
        Reply second = hookWithKey("analysis-requested", analysisOf(PROJECT_ID), "order-6");

        assertThat(second.status()).isEqualTo(202);
        assertThat(second.text("runId")).isNotEqualTo(first.text("runId"));
    }

    @Test
    void aLeadThatArrivesTwiceWithoutAKeyIsDedupedAndConvertedOnce() {
        String lead = unconvertedLead(0);
        Reply first = hook("lead-arrived", leadArrived(lead));
        driveToEnd(first.text("runId"), Duration.ofSeconds(5), 100);

        Reply again = storingNothing(() -> hook("lead-arrived", leadArrived(lead)));
        scheduler.runAnyDueExecutions();

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.object())
                .containsEntry("runId", first.text("runId"))
                .containsEntry("deduped", true)
                .containsEntry("status", "completed");
        assertThat(conversionsOf(lead)).isEqualTo(1);
    }

    @Test
    void aLeadThatArrivesAgainBeforeItsRunStartedIsDedupedToTheQueuedRun() {
        String lead = unconvertedLead(1);
        Reply first = hook("lead-arrived", leadArrived(lead));

        Reply again = hook("lead-arrived", "{\"leadId\":\"%s\",\"analysis\":\"async\"}".formatted(lead));
        driveToEnd(first.text("runId"), Duration.ofSeconds(5), 100);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.object()).containsEntry("runId", first.text("runId")).containsEntry("status", "queued");
        assertThat(conversionsOf(lead)).isEqualTo(1);
    }

    @Test
    void aLeadDedupedUnderANewKeyReplaysThatKeyToTheSameRun() {
        String lead = unconvertedLead(2);
        Reply first = hook("lead-arrived", leadArrived(lead));
        hookWithKey("lead-arrived", leadArrived(lead), "lead-key");

        Reply replay = hookWithKey("lead-arrived", leadArrived(lead), "lead-key");

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text("runId")).isEqualTo(first.text("runId"));
    }

    private static String analysisOf(String projectId) {
        return "{\"projectId\":\"%s\"}".formatted(projectId);
    }

    private static String leadArrived(String lead) {
        return "{\"leadId\":\"%s\",\"analysis\":\"none\"}".formatted(lead);
    }
}
