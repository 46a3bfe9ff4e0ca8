package com.auditybridge.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A run's result as its {@code result} column keeps it: the fields the runs API and the events show, and apart from
 * them the {@link StepNotes} its steps keep for themselves. Only documented fields are shown: the ids a flow reports
 * and what its steps add (the {@code runData} of schemas/events/common.schema.json). Reading a stored result drops
 * anything else, so neither the notes nor a field an older version kept there reaches a caller.
 *
 * @param shown what the runs API shows as {@code result}; the events take {@code project} and {@code repoAudit} from it
 * @param notes never shown
 */
public record RunResult(Map<String, Object> shown, StepNotes notes) {
    public static final String LEAD_ID = "leadId";
    public static final String PROJECT_ID = "projectId";
    public static final String JOB_ID = "jobId";
    public static final String ANALYSIS_ID = "analysisId";
    public static final String AUDIT_ID = "auditId";
    /** The project as Audity answered the PATCH. */
    public static final String PROJECT = "project";
    /** The finished repo audit: its markdown critique and neighbours. */
    public static final String REPO_AUDIT = "repoAudit";

    /** The one stored key that is not a result field: where the notes are kept. */
    static final String NOTES = "_notes";

    private static final Set<String> DOCUMENTED =
            Set.of(LEAD_ID, PROJECT_ID, JOB_ID, ANALYSIS_ID, AUDIT_ID, PROJECT, REPO_AUDIT);

    public static final RunResult EMPTY = new RunResult(Map.of(), StepNotes.NONE);

    public RunResult {
        for (String field : shown.keySet()) {
            requireDocumented(field);
        }
        shown = Collections.unmodifiableMap(new LinkedHashMap<>(shown));
        notes = notes == null ? StepNotes.NONE : notes;
    }

    /** A stored result as read back: its documented fields, whatever else it holds. */
    static RunResult fromStored(Map<String, Object> stored, StepNotes notes) {
        Map<String, Object> shown = new LinkedHashMap<>(stored);
        shown.keySet().retainAll(DOCUMENTED);
        return new RunResult(shown, notes);
    }

    /** What is stored: the shown fields, and the notes under their reserved key when there are any. */
    Map<String, Object> stored() {
        Map<String, Object> stored = new LinkedHashMap<>(shown);
        if (!notes.equals(StepNotes.NONE)) {
            stored.put(NOTES, notes);
        }
        return stored;
    }

    /** This result with {@code fields} added over its own and, unless null, the notes replaced. */
    RunResult with(Map<String, Object> fields, StepNotes newNotes) {
        Map<String, Object> merged = new LinkedHashMap<>(shown);
        merged.putAll(fields);
        return new RunResult(merged, newNotes == null ? notes : newNotes);
    }

    static String requireDocumented(String field) {
        if (!DOCUMENTED.contains(field)) {
            throw new IllegalArgumentException(field + " is not a documented field of a run's result");
        }
        return field;
    }
}
