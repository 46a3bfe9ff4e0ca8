package com.auditybridge.repoaudit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Status is one of queued, ingesting, indexing, critiquing, complete, failed. */
@Serdeable
public record AuditStatus(
        @JsonProperty("audit_id") String auditId,
        @JsonProperty("repo_url") String repoUrl,
        String status,
        @Nullable String stage,
        @Nullable List<Neighbor> neighbors,
        @Nullable String markdown,
        @Nullable String error,
        @JsonProperty("entity_id") @Nullable String entityId,
        @JsonProperty("created_at") @Nullable String createdAt) {

    public boolean finished() {
        return "complete".equals(status) || "failed".equals(status);
    }

    @Serdeable
    public record Neighbor(
            @JsonProperty("entity_id") String entityId,
            @Nullable String title,
            double score) {}
}
