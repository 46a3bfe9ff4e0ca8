package com.auditybridge.run;

import com.auditybridge.upstream.UpstreamError;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Why a run failed: a stable code, a sentence for a human, and the upstream status when there was one. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunError(
        String code, String message, @Nullable Integer upstreamStatus) {

    /** The upstream's own code when it sent one (PAT_MALFORMED, EMPTY_PATCH, …), else the kind. */
    public static RunError of(UpstreamError error) {
        String code = error.code() != null && !error.code().isBlank()
                ? error.code()
                : switch (error.kind()) {
                    case SERVER_ERROR, TIMEOUT, NETWORK, THROTTLED -> "UPSTREAM_UNAVAILABLE";
                    default -> error.kind().name();
                };
        String message = error.message() == null ? error.kind().name() : error.message();
        if (error.requiredTier() != null) {
            message = message + " (required tier: " + error.requiredTier() + ")";
        }
        return new RunError(code, message, error.status() > 0 ? error.status() : null);
    }
}
