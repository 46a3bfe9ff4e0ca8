package com.auditybridge.run;

import com.auditybridge.audity.Lead;
import com.auditybridge.run.steps.ReconcileConversionStep;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.RetryPolicy;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;
import com.auditybridge.upstream.UpstreamPolicySettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A convert whose answer was lost spends one attempt, not two, and a 429 on the read after it none. */
class ConvertAttemptBudgetTest {
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final int MAX_ATTEMPTS = 8;
    private final Decisions decisions = new Decisions(NOW, null, null, new RetryPolicy(new UpstreamPolicySettings(
            100, 20, 120, 10, 120, 2, MAX_ATTEMPTS, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(30), 1)), Map.of());
    private final ReconcileConversionStep reconcile = new ReconcileConversionStep();

    @Test
    void aLeadFoundUnconvertedAfterALostConvertAnswerIsConvertedAgainWithoutSpendingASecondAttempt() {
        Transition next = reconcile.decide(afterLostConvertAnswers(MAX_ATTEMPTS - 1), unconvertedLead(), decisions);

        assertThat(next.error()).isNull();
        assertThat(next.step()).isEqualTo("convert");
        assertThat(next.countAttempt).isFalse();
        assertThat(next.clearConversionIntent).isTrue();
        assertThat(next.nextAt()).isAfter(NOW);
    }

    @Test
    void theLastAttemptsLostAnswerFailsTheRunInsteadOfConvertingAgain() {
        Transition next = reconcile.decide(afterLostConvertAnswers(MAX_ATTEMPTS), unconvertedLead(), decisions);

        assertThat(next.error().code()).isEqualTo("CONVERSION_UNCONFIRMED");
    }

    @Test
    void aRateLimitedReadOfTheLeadIsWaitedOutWithoutSpendingAnAttempt() {
        UpstreamError tooMany = new UpstreamError(UpstreamErrorKind.RATE_LIMITED, 429, null, "Rate limit exceeded",
                Duration.ofSeconds(1), null, null, Map.of(), true);

        assertThat(reconcile.decidesTransient(tooMany)).as("left to the runner, which holds the step").isFalse();
    }

    private static Run afterLostConvertAnswers(int attempts) {
        return new Run("run-1", "default", Flow.LEAD_TO_AUDIT, RunStatus.RUNNING, "convert", "{}", null, "lead-1",
                null, null, null, null, null, null, attempts, NOW, null, NOW, NOW.minusSeconds(1), null,
                NOW.minusSeconds(60), NOW, null);
    }

    private static Outcome<Lead> unconvertedLead() {
        return Outcome.success(200, new Lead("lead-1", "completed", 80.0, null, "not_started", NOW, "Alex Morgan", null,
                "Morgan Analytics", null));
    }
}
