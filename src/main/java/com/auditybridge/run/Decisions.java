package com.auditybridge.run;

import com.auditybridge.upstream.UpstreamError;
import java.time.Duration;
import java.time.Instant;

/**
 * What a step's decision may lean on, fixed at one instant: the time, the notes the step kept at its earlier
 * executions, what a transient failure means, and whether the run's connection sees Audity's webhooks (then
 * {@code analysis_generated} wakes the run, see {@link AudityWebhooksSeen}).
 */
public record Decisions(Instant now, StepNotes notes, TransientFailures transientFailures, boolean audityWebhooksSeen) {

    /** The step after a transient failure of what it judges itself: held, backed off, or failed when spent. */
    public Transition afterTransient(Run run, UpstreamError error, String what) {
        return transientFailures.after(run, error, now, what);
    }

    /** Whether {@link #afterTransient} only holds the step for this failure, spending no attempt. */
    public boolean holds(UpstreamError error) {
        return transientFailures.holds(error);
    }

    /** The step again after {@code wait}, spending no attempt and leaving no timeline row: nothing was sent. */
    public Transition heldBack(Run run, Duration wait, String why) {
        return transientFailures.heldBack(run, wait, why, now);
    }

    public static String describe(UpstreamError error) {
        return error.kind().name()
                + (error.status() > 0 ? " (HTTP " + error.status() + ")" : "")
                + (error.message() == null ? "" : ": " + error.message());
    }
}
