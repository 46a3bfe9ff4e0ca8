package com.auditybridge.run.paid;

import com.auditybridge.run.Decisions;
import com.auditybridge.run.Run;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * What is particular to one kind of paid call: how to send it, how to read the upstream for evidence after its
 * answer was lost, and what its success or refusal means for the step (its exit, or a wait, a retry, a failure); the
 * flow says where each exit leads. {@link PaidStep} owns the states between.
 *
 * @param <R> the call's answer
 */
public interface PaidCall<R> {

    PaidCallKind kind();

    /** The token the call spends (null: anonymous). */
    String token(StepContext context);

    /** What the call is about: the lead, the project, the repository. */
    String subject(Run run, StepContext context);

    /** Sends the call through its gate; {@code intent} records it first, and nothing is sent when it answers false. */
    Outcome<R> send(Run run, StepContext context, BooleanSupplier intent);

    /** The id an answer names: the project, the job, the audit. */
    String idOf(R answer);

    /** A refusal that, after an earlier send of this run, proves that send was charged (400 "already converted"). */
    default boolean provesEarlierCharge(UpstreamError refusal) {
        return false;
    }

    /** Reads the upstream for what the run's unanswered call did. */
    Evidence look(Run run, StepContext context, Look look);

    /** What the call's success means: the step's exit, with what it made. */
    Transition done(Run run, Progress.Done<R> done, Decisions decisions);

    /**
     * The run's way on after a refusal that charged nothing: a transient one is judged like any transient failure
     * (held when the upstream asked to wait, else tried again after a backoff until the attempts are spent), any
     * other fails the run.
     */
    default Transition refused(Run run, UpstreamError error, Decisions decisions) {
        return error.isTransient()
                ? decisions.afterTransient(
                        run, error, kind().paysFor() + " refused, nothing charged: " + Decisions.describe(error))
                : Transition.fail(error);
    }

    /** The code a run fails with when the looks cannot settle the call. */
    String unconfirmedCode();

    /**
     * What a look may rely on.
     *
     * @param since        upstream results older than this cannot be the call's (its first send, less the clock skew)
     * @param heldElsewhere of the given ids, those another run already holds: never the call's
     */
    record Look(Instant since, Function<Collection<String>, Set<String>> heldElsewhere) {}
}
