package com.auditybridge.repoaudit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code POST /api/demo/audit}; both fields are required upstream. */
@Serdeable
record SubmitRequest(
        @JsonProperty("repo_url") String repoUrl,
        @JsonProperty("publish_consent") boolean publishConsent) {}
