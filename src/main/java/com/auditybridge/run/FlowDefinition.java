package com.auditybridge.run;

import java.util.Map;
import java.util.Optional;

/** A flow read top to bottom: its first step, the step for a run's state, and what follows each step. */
public interface FlowDefinition {

    Flow flow();

    String firstStep(RunInput input);

    Step<?> step(Run run);

    /**
     * The step after {@code step} when it succeeded, or empty when the flow is then complete. Flows
     * whose steps hand over among themselves (trigger → poll) need not say anything here.
     */
    default Optional<String> after(String step, Run run, RunInput input) {
        return Optional.empty();
    }

    /** What a completed run reports as its result and in its final event. */
    Map<String, Object> result(Run run);
}
