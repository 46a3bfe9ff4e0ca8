package com.auditybridge.run;

import java.util.Map;

/** A flow read top to bottom: its steps and where each leads ({@link FlowGraph}), and what a finished run reports. */
public interface FlowDefinition {

    Flow flow();

    FlowGraph graph();

    /**
     * The ids a finished run reports in its result and final event, by their {@link RunResult} names; the fields its
     * steps added come beside them.
     */
    Map<String, Object> result(Run run);
}
