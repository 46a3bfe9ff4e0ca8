package com.auditybridge.run;

import com.auditybridge.connection.AuditPart;
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

    /**
     * Whether a run of this input makes an analysis whose parts it can read ({@link RunInput#parts}): a hook that
     * names none then takes its connection's default.
     */
    default boolean readsParts(RunInput input) {
        return false;
    }

    /** The step that reads {@code part}, for a flow that {@link #readsParts reads parts}. */
    default Step<?> reader(AuditPart part) {
        throw new IllegalStateException(flow().wireName() + " reads no part of a finished audit");
    }
}
