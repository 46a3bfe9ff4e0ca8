package com.auditybridge.run.steps;

import com.auditybridge.connection.AuditPart;

/**
 * The steps' wire names. A run stores the step it is on, and the runs API and the timeline show it: never rename one.
 */
final class StepNames {
    /** Convert the lead (paid, exactly once). */
    static final String CONVERT = "convert";
    /** PATCH the project with the hook's fields. */
    static final String PATCH = "patch";
    /** Start the async audit analysis (paid). */
    static final String TRIGGER = "trigger";
    /** Wait until the project has its document and interview analyses. */
    static final String WAIT_FOR_PREREQUISITES = "wait-prereqs";
    /** Poll the analysis job. */
    static final String POLL = "poll";
    /** Submit the repository for audit (paid). */
    static final String SUBMIT = "submit";
    /** Poll the repo audit through its stages. */
    static final String POLL_AUDIT = "poll-audit";
    /** Read the finished audit's latest analysis, as Audity answers it. */
    static final String READ_ANALYSIS = "read-analysis";
    /** Read the finished audit's deliverables, as Audity answers them. */
    static final String READ_DELIVERABLES = "read-deliverables";

    /** The step that reads {@code part}. */
    static String read(AuditPart part) {
        return switch (part) {
            case ANALYSIS -> READ_ANALYSIS;
            case DELIVERABLES -> READ_DELIVERABLES;
        };
    }

    private StepNames() {}
}
