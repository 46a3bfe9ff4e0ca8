package com.auditybridge.callback;

import java.util.Set;

/**
 * The types of the events the bridge emits, by their wire names: the one place that names them. Each has its schema
 * in schemas/events/ ({@code <type>.schema.json}). Constants, so that annotations (the OpenAPI docs) can use them.
 */
public final class EventTypes {
    /** A lead the lead sync found. */
    public static final String LEAD_ARRIVED = "lead.arrived";
    /** Intermediate: a lead-to-audit run converted its lead. */
    public static final String LEAD_CONVERTED = "lead.converted";
    /** Final event of a lead-to-audit run that ended well. */
    public static final String AUDIT_COMPLETED = "audit.completed";
    /** Final event of a project-analysis run that ended well. */
    public static final String ANALYSIS_COMPLETED = "analysis.completed";
    /** Final event of a project-update run that ended well. */
    public static final String PROJECT_UPDATED = "project.updated";
    /** Final event of a repo-audit run that ended well. */
    public static final String REPO_AUDIT_COMPLETED = "repo_audit.completed";
    /** Final event of any run that failed. */
    public static final String RUN_FAILED = "run.failed";

    /** Every type above: what a subscription or a hook's {@code notify} may name. */
    public static final Set<String> ALL = Set.of(
            LEAD_ARRIVED,
            LEAD_CONVERTED,
            AUDIT_COMPLETED,
            ANALYSIS_COMPLETED,
            PROJECT_UPDATED,
            REPO_AUDIT_COMPLETED,
            RUN_FAILED);

    private EventTypes() {}
}
