package com.auditybridge.run;

import com.auditybridge.upstream.Outcome;

/**
 * One step of a flow: the one upstream call it makes, and the pure decision over its outcome. Transient failures
 * of the call (a 429, a timeout) are decided by the runner; a step that must judge them itself (a paid call, whose
 * lost answer is no reason to call again) folds them into a successful outcome of its own type.
 *
 * @param <T> what the call answers
 */
public interface Step<T> {

    String name();

    Outcome<T> call(Run run, StepContext context);

    Transition decide(Run run, Outcome<T> outcome, Decisions decisions);
}
