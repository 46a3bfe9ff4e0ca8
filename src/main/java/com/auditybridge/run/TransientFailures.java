package com.auditybridge.run;

import com.auditybridge.upstream.RetryPolicy;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * What a transient upstream failure means for a run, in one place: the runner asks it for a failed call, and so do
 * the steps that judge their own failures (the paid steps). When the upstream asked to wait (a 429 or 503 with
 * Retry-After) or the bridge held the call back itself, the step is held that long and spends no attempt. Any other
 * transient failure spends one attempt and is tried again after a backoff, and fails the run once the attempts are
 * spent. A run's {@code attempts} are the attempts its step has spent so far; the failure at hand is attempt
 * {@code attempts + 1}.
 */
@Singleton
public class TransientFailures {
    /** How long a call held back without a time of its own is held. */
    static final Duration DEFAULT_HOLD = Duration.ofSeconds(5);

    private final RetryPolicy retryPolicy;

    public TransientFailures(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    /**
     * The run's step after a transient failure: held, tried again after a backoff, or failed when its attempts are
     * spent. {@code what} says what failed, for the timeline.
     */
    public Transition after(Run run, UpstreamError error, Instant now, String what) {
        if (error.kind() == UpstreamErrorKind.THROTTLED) {
            return heldBack(run, error.retryAfter() == null ? DEFAULT_HOLD : error.retryAfter(), what, now);
        }
        if (askedToWait(error)) {
            return hold(run, error.retryAfter(), what, now);
        }
        int attempt = run.attempts() + 1;
        return retryPolicy
                .nextDelay(attempt, error)
                .map(delay -> Transition.retry(
                        now.plus(delay),
                        error.kind().name(),
                        what + "; attempt " + attempt + ", again in " + delay.toSeconds() + "s"))
                .orElseGet(() -> Transition.fail(error));
    }

    /**
     * Whether {@link #after} holds the step for this failure, spending no attempt: the bridge held the call back, or
     * the upstream said how long to wait.
     */
    public boolean holds(UpstreamError error) {
        return error.kind() == UpstreamErrorKind.THROTTLED || askedToWait(error);
    }

    /** The step again after {@code wait}, without a timeline row: the bridge held the call back, nothing was sent. */
    public Transition heldBack(Run run, Duration wait, String why, Instant now) {
        return hold(run, wait, why, now).quietly();
    }

    /** A 429 or 503 that said how long to wait. */
    private static boolean askedToWait(UpstreamError error) {
        return error.retryAfter() != null
                && (error.kind() == UpstreamErrorKind.RATE_LIMITED || error.kind() == UpstreamErrorKind.UPSTREAM_BUSY);
    }

    private static Transition hold(Run run, Duration wait, String why, Instant now) {
        return Transition.again(
                run.status() == RunStatus.WAITING ? RunStatus.WAITING : RunStatus.RUNNING,
                now.plus(wait),
                "held",
                why + "; again in " + Math.max(1, wait.toSeconds()) + "s");
    }
}
