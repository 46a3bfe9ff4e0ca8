package com.auditybridge.repoaudit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record AuditSubmission(
        @JsonProperty("audit_id") String auditId,
        String status,
        @Nullable Boolean deduped) {

    public boolean isDeduped() {
        return Boolean.TRUE.equals(deduped);
    }
}
