package com.auditybridge.run;

/**
 * The way a step left: what its decision says happened, not where the run goes next. The flow's {@link FlowGraph}
 * turns a step's exit into the next step or the run's end.
 */
public enum Exit {
    /** The step's work is done: a lead converted, a project patched, a job or an audit finished, a wait over. */
    DONE,
    /** Work started upstream that the run now follows: an analysis job, a repo audit. */
    STARTED,
    /** The upstream refused until the project has its document and interview analyses (422 PREREQUISITE_MISSING). */
    PREREQUISITES_MISSING
}
