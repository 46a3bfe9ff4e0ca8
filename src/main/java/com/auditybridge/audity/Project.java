package com.auditybridge.audity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A project, summary or detail; the detail-only flags are null in answers that lack them. */
@Serdeable
public record Project(
        String id,
        String clientName,
        String industry,
        String companySize,
        @Nullable String description,
        @Nullable String currency,
        String status,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable Boolean hasAnalysis,
        @Nullable Boolean hasInterviewAnalysis,
        @Nullable Boolean hasAuditAnalysis) {

    /** Both analyses the async audit requires exist. */
    public boolean prerequisitesMet() {
        return Boolean.TRUE.equals(hasAnalysis) && Boolean.TRUE.equals(hasInterviewAnalysis);
    }
}
