package com.auditybridge.run;

import com.auditybridge.upstream.Outcome;

/**
 * One step of a flow: the one upstream call it makes, and the pure decision over its outcome. The decision says what
 * happened: the {@link Exit} the step took (with its timing, the ids it learned, the timeline text), or that it stays
 * (polling, waiting, held), or that the run failed. Where an exit leads is the flow's ({@link FlowGraph}), never the
 * step's. Transient failures of the call (a 429, a timeout) are decided by the runner with {@link TransientFailures};
 * a step that must judge them itself (a paid call, whose lost answer is no reason to call again) folds them into a
 * successful outcome of its own type.
 *
 * @param <T> what the call answers
 */
public interface Step<T> {

    /** The step's wire name: stored as the run's step and shown in the timeline, so never renamed. */
    String name();

    Outcome<T> call(Run run, StepContext context);

    Transition decide(Run run, Outcome<T> outcome, Decisions decisions);
}
