package com.auditybridge.run;

import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;

/**
 * One step of a flow: the one upstream call it makes, and the pure decision over its outcome.
 * Transient failures are decided by the runner unless the step claims them (convert must, because
 * a lost answer to a paid call is not a reason to call again).
 */
public interface Step {

    String name();

    Outcome<?> call(Run run, StepContext context);

    Transition decide(Run run, Outcome<?> outcome, Decisions decisions);

    default boolean decidesTransient(UpstreamError error) {
        return false;
    }
}
