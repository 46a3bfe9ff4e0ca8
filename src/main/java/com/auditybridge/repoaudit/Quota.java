package com.auditybridge.repoaudit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record Quota(
        int limit, int used, @JsonProperty("resets_at") String resetsAt) {}
