package com.auditybridge.upstream;

import java.time.Duration;
import java.util.Map;

/**
 * A failed upstream call, typed. {@code code} is the upstream's own stable code when it sent one;
 * {@code retryAfter} is set for 429 and 503 answers that carried {@code Retry-After};
 * {@code requestSent} is false only when the request certainly never reached the upstream
 * (connection refused), which is what makes a non-idempotent call safe to repeat.
 */
public record UpstreamError(
        UpstreamErrorKind kind,
        int status,
        String code,
        String message,
        Duration retryAfter,
        String currentTier,
        String requiredTier,
        Map<String, Object> details,
        boolean requestSent) {

    public static UpstreamError of(UpstreamErrorKind kind, int status, String code, String message) {
        return new UpstreamError(kind, status, code, message, null, null, null, Map.of(), true);
    }

    public UpstreamError withRetryAfter(Duration retryAfter) {
        return new UpstreamError(
                kind, status, code, message, retryAfter, currentTier, requiredTier, details, requestSent);
    }

    public UpstreamError withTiers(String currentTier, String requiredTier) {
        return new UpstreamError(
                kind, status, code, message, retryAfter, currentTier, requiredTier, details, requestSent);
    }

    public UpstreamError withDetails(Map<String, Object> details) {
        return new UpstreamError(
                kind, status, code, message, retryAfter, currentTier, requiredTier, details, requestSent);
    }

    public UpstreamError notSent() {
        return new UpstreamError(kind, status, code, message, retryAfter, currentTier, requiredTier, details, false);
    }

    public boolean isTransient() {
        return kind.isTransient();
    }

    /** True when the upstream may have acted on the request although no answer says so. */
    public boolean outcomeUnknown() {
        return requestSent && kind.outcomeUnknown();
    }
}
