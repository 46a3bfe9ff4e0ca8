package com.auditybridge.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The upstream ids a step learned, null where it learned none. They are facts: the run keeps them whatever becomes
 * of the step's decision ({@link RunStore#applyState}).
 */
public record UpstreamIds(String projectId, String jobId, String analysisId, String auditId) {
    public static final UpstreamIds NONE = new UpstreamIds(null, null, null, null);

    public UpstreamIds withProject(String id) {
        return new UpstreamIds(id, jobId, analysisId, auditId);
    }

    public UpstreamIds withJob(String id) {
        return new UpstreamIds(projectId, id, analysisId, auditId);
    }

    public UpstreamIds withAnalysis(String id) {
        return new UpstreamIds(projectId, jobId, id, auditId);
    }

    public UpstreamIds withAudit(String id) {
        return new UpstreamIds(projectId, jobId, analysisId, id);
    }

    public boolean any() {
        return !equals(NONE);
    }

    /** The ids learned, by their names on the run, in a stable order. */
    public Map<String, String> learned() {
        Map<String, String> learned = new LinkedHashMap<>();
        putIfPresent(learned, "projectId", projectId);
        putIfPresent(learned, "jobId", jobId);
        putIfPresent(learned, "analysisId", analysisId);
        putIfPresent(learned, "auditId", auditId);
        return learned;
    }

    private static void putIfPresent(Map<String, String> ids, String name, String id) {
        if (id != null) {
            ids.put(name, id);
        }
    }
}
