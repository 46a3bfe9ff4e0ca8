package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;
import com.auditybridge.upstream.UpstreamPolicySettings;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a transient failure means: a wait asked for costs no attempt; any other spends one, and the last fails. */
@MicronautTest(environments = "sim", transactional = false)
class TransientFailuresTest extends BridgeTestBase {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Inject
    TransientFailures transientFailures;

    @Inject
    UpstreamPolicySettings policy;

    @Test
    void aRetryAfterHoldsTheStepForThatLongWithoutSpendingAnAttemptAndKeepsAWaitingRunWaiting() {
        UpstreamError limited = UpstreamError.of(UpstreamErrorKind.RATE_LIMITED, 429, null, "slow down")
                .withRetryAfter(Duration.ofSeconds(30));

        Transition held = transientFailures.after(run(RunStatus.WAITING, 3), limited, NOW, "poll");

        assertThat(held.status()).isEqualTo(RunStatus.WAITING);
        assertThat(held.nextAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(held.spendsAttempt()).isFalse();
        assertThat(held.quiet()).isFalse();
        assertThat(held.outcome()).isEqualTo("held");
    }

    @Test
    void aCallTheBridgeHeldBackItselfIsHeldWithoutATimelineRow() {
        UpstreamError throttled = UpstreamError.of(UpstreamErrorKind.THROTTLED, 0, null, "held back")
                .notSent();

        Transition held = transientFailures.after(run(RunStatus.RUNNING, 0), throttled, NOW, "poll");

        assertThat(held.nextAt()).isEqualTo(NOW.plus(TransientFailures.DEFAULT_HOLD));
        assertThat(held.spendsAttempt()).isFalse();
        assertThat(held.quiet()).isTrue();
    }

    @Test
    void aTimeoutSpendsTheNextAttemptAndTheLastAttemptFailsTheRun() {
        UpstreamError timeout = UpstreamError.of(UpstreamErrorKind.TIMEOUT, 0, null, "Read Timeout");

        Transition first = transientFailures.after(run(RunStatus.RUNNING, 0), timeout, NOW, "poll");
        Transition last =
                transientFailures.after(run(RunStatus.RUNNING, policy.maxAttempts() - 1), timeout, NOW, "poll");

        assertThat(first.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(first.spendsAttempt()).isTrue();
        assertThat(first.nextAt()).isAfter(NOW);
        assertThat(first.detail()).contains("attempt 1,");
        assertThat(last.status()).isEqualTo(RunStatus.FAILED);
        assertThat(last.error().code()).isEqualTo("UPSTREAM_UNAVAILABLE");
    }

    private static Run run(RunStatus status, int attempts) {
        return Run.builder()
                .id("run-1")
                .status(status)
                .step("poll")
                .attempts(attempts)
                .build();
    }
}
