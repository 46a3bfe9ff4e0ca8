package com.auditybridge.sim.audity;

import com.auditybridge.sim.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** JobStatus of the published contract: every field present, null where it does not apply yet. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record JobView(
        String jobId,
        String projectId,
        String status,
        String createdAt,
        String updatedAt,
        String startedAt,
        String completedAt,
        String analysisId,
        String error,
        String errorCode) {

    static JobView of(SimJob job, Instant now) {
        String status = job.status(now);
        boolean started = !"pending".equals(status);
        boolean finished = "completed".equals(status) || "failed".equals(status);
        boolean completed = "completed".equals(status);
        boolean failed = "failed".equals(status);
        Instant updated = finished ? job.finishedAt() : started ? job.startedAt() : job.createdAt();
        return new JobView(
                job.id(),
                job.projectId(),
                status,
                Timestamps.iso(job.createdAt()),
                Timestamps.iso(updated),
                started ? Timestamps.iso(job.startedAt()) : null,
                completed ? Timestamps.iso(job.finishedAt()) : null,
                completed ? job.analysisId() : null,
                failed ? "Audit synthesis failed: the model returned no usable output" : null,
                failed ? "ANALYSIS_FAILED" : null);
    }
}
