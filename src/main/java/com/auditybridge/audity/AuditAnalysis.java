package com.auditybridge.audity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The latest audit analysis of a project ({@code GET /api/projects/{id}/audit-analysis}). Audity documents the
 * endpoint (the most recent analysis; {@code "running"} while one is being made) but not its shape: every field here
 * is inferred, and the bridge uses it only as evidence after an analysis trigger whose answer was lost.
 *
 * @param id        the analysis id (inferred), null while running
 * @param status    {@code running} or {@code completed} (inferred)
 * @param createdAt when the analysis (or the job making it) started (inferred)
 */
@Serdeable
public record AuditAnalysis(
        @Nullable String id,
        @Nullable String projectId,
        @Nullable String status,
        @Nullable Instant createdAt) {

    public boolean running() {
        return "running".equals(status);
    }
}
