package com.auditybridge.callback;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * What one POST to a target came to: the HTTP status (null when none arrived), how long it took, the
 * start of the answer, the transport error if any, and the {@code Retry-After} the target asked for.
 */
public record AttemptResult(
        @Nullable Integer status,
        long latencyMs,
        @Nullable String excerpt,
        @Nullable String error,
        @Nullable Duration retryAfter) {

    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }

    public boolean is(int code) {
        return status != null && status == code;
    }
}
