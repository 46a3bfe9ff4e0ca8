package com.auditybridge.run;

import com.auditybridge.upstream.UpstreamError;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * What a step's decision may lean on, fixed at one instant: the time, the notes the step kept at its earlier
 * executions, what a transient failure means, and whether the run's connection sees Audity's webhooks (then
 * {@code analysis_generated} wakes the run, see {@link AudityWebhooksSeen}).
 *
 * @param webhooksSeen asked at most once, and only by a decision that needs it: it costs a read of the database,
 *     which most steps never need
 */
public record Decisions(
        Instant now, StepNotes notes, TransientFailures transientFailures, BooleanSupplier webhooksSeen) {

    public Decisions {
        webhooksSeen = new Once(webhooksSeen);
    }

    /** Whether the run's connection sees Audity's webhooks; read at the first ask, the same answer after. */
    public boolean audityWebhooksSeen() {
        return webhooksSeen.getAsBoolean();
    }

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

    /** The answer kept once read; a decision is taken on one thread. */
    private static final class Once implements BooleanSupplier {
        private final BooleanSupplier read;
        private Boolean answer;

        Once(BooleanSupplier read) {
            this.read = read;
        }

        @Override
        public boolean getAsBoolean() {
            if (answer == null) {
                answer = read.getAsBoolean();
            }
            return answer;
        }
    }
}
