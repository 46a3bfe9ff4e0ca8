package com.auditybridge.audity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An async audit-analysis job: status pending, processing, completed or failed. */
@Serdeable
public record AsyncJob(
        String jobId,
        String projectId,
        String status,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable Instant startedAt,
        @Nullable Instant completedAt,
        @Nullable String analysisId,
        @Nullable String error,
        @Nullable String errorCode) {

    public boolean finished() {
        return "completed".equals(status) || "failed".equals(status);
    }
}
