package com.auditybridge.callback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One attempt as the operator API shows it. */
@Serdeable
public record AttemptView(
        Instant at,
        @Nullable Integer status,
        long latencyMs,
        @Nullable String response,
        @Nullable String error) {}
