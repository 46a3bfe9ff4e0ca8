package com.auditybridge.run;

import com.auditybridge.upstream.RetryPolicy;
import com.auditybridge.upstream.UpstreamError;
import java.time.Duration;
import java.time.Instant;

/** The policies a step's decision may lean on, fixed at one instant: where next, retry or fail. */
public final class Decisions {
    private final Instant now;
    private final FlowDefinition flow;
    private final RunInput input;
    private final RetryPolicy retryPolicy;
    private final java.util.Map<String, Object> kept;

    public Decisions(
            Instant now,
            FlowDefinition flow,
            RunInput input,
            RetryPolicy retryPolicy,
            java.util.Map<String, Object> kept) {
        this.kept = kept;
        this.now = now;
        this.flow = flow;
        this.input = input;
        this.retryPolicy = retryPolicy;
    }

    public Instant now() {
        return now;
    }

    /** A value an earlier step kept in the run's result ({@link Transition#remember}), or null. */
    public Object kept(String key) {
        return kept.get(key);
    }

    /** On to the flow's next step at once, or complete when there is none. */
    public Transition advance(Run run, String from, String outcome, String detail) {
        return flow.after(from, run, input)
                .map(next -> Transition.advance(next, now, outcome, detail))
                .orElseGet(() -> Transition.complete(from, null, detail));
    }

    /** Try the step again after a backoff, or fail the run once the attempts are spent. */
    public Transition retryOrFail(Run run, UpstreamError error) {
        return retryPolicy
                .nextDelay(run.attempts() + 1, error)
                .map(delay -> Transition.retry(
                        run.step(),
                        now.plus(delay),
                        error.kind().name(),
                        describe(error) + "; attempt " + (run.attempts() + 1) + ", again in " + delay.toSeconds()
                                + "s"))
                .orElseGet(() -> fail(run, error));
    }

    /** The backoff after the attempts already spent, or empty when they are all spent; spends none. */
    public java.util.Optional<Duration> retryDelay(Run run, UpstreamError error) {
        return retryPolicy.nextDelay(run.attempts(), error);
    }

    /** Hold the step without spending an attempt: the upstream or the bridge asked to wait. */
    public Transition hold(Run run, Duration wait, String why) {
        return Transition.again(
                run.status() == RunStatus.WAITING ? RunStatus.WAITING : RunStatus.RUNNING,
                run.step(),
                now.plus(wait),
                "held",
                why + "; again in " + Math.max(1, wait.toSeconds()) + "s");
    }

    public Transition fail(Run run, UpstreamError error) {
        return Transition.fail(run.step(), RunError.of(error));
    }

    public static String describe(UpstreamError error) {
        return error.kind().name()
                + (error.status() > 0 ? " (HTTP " + error.status() + ")" : "")
                + (error.message() == null ? "" : ": " + error.message());
    }
}
