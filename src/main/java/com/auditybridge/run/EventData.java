package com.auditybridge.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code data} of an event about a run, as docs/api.md and schemas/events/ list it. */
final class EventData {
    private EventData() {}

    static Map<String, Object> of(Run run, RunInput input, Map<String, Object> result) {
        return of(run, input, result, List.of());
    }

    /**
     * With what the run has of the parts of its finished audit ({@link ResultParts}); the documents themselves go to
     * the outbox beside it, which leaves them out of a body too large.
     */
    static Map<String, Object> of(Run run, RunInput input, Map<String, Object> result, List<StoredPart> parts) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runId", run.id());
        data.put("flow", run.flow().wireName());
        data.put("status", run.status().wireName());
        putIfPresent(data, "leadId", run.leadId());
        putIfPresent(data, "projectId", run.projectId());
        putIfPresent(data, "jobId", run.jobId());
        putIfPresent(data, "analysisId", run.analysisId());
        for (String key : new String[] {RunResult.PROJECT, RunResult.REPO_AUDIT}) {
            putIfPresent(data, key, result.get(key));
        }
        ResultParts.forEvent(data, run, input, parts);
        data.put("metadata", input.metadata() == null ? Map.of() : input.metadata());
        if (run.error() != null) {
            data.put("error", run.error());
        }
        return data;
    }

    private static void putIfPresent(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
