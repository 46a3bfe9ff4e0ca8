package com.auditybridge.repoaudit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record AuditSummary(
        @JsonProperty("audit_id") String auditId,
        @JsonProperty("repo_url") String repoUrl,
        String status,
        @JsonProperty("entity_id") @Nullable String entityId,
        @JsonProperty("created_at") @Nullable String createdAt) {}
