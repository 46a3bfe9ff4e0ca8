package com.auditybridge.audity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The PATCH allowlist; absent fields are not sent. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectPatch(
        @Nullable String clientName,
        @Nullable String industry,
        @Nullable String companySize,
        @Nullable String description,
        @Nullable String currency) {

    public boolean isEmpty() {
        return clientName == null && industry == null && companySize == null && description == null && currency == null;
    }
}
