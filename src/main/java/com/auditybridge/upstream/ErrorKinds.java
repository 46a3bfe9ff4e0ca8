package com.auditybridge.upstream;

import static com.auditybridge.upstream.UpstreamErrorKind.*;

/**
 * The shared reading of an error status and its stable {@code code}: the conventions both upstreams
 * follow (Audity's error-codes table, repo-audit's plain statuses). API-only meanings go in an {@link ErrorRule}.
 */
final class ErrorKinds {

    private ErrorKinds() {}

    static UpstreamErrorKind of(int status, ErrorBody body, boolean hasRetryAfter) {
        String code = body.code();
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> "PAT_MALFORMED".equals(code) ? TOKEN_MALFORMED : TOKEN_INACTIVE;
            case 402 -> "QUOTA_EXCEEDED".equals(code) ? QUOTA_EXCEEDED : INSUFFICIENT_CREDITS;
            case 403 -> body.requiredTier() != null ? TIER_REQUIRED : FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 413 -> PAYLOAD_TOO_LARGE;
            // Any other 422 is still the upstream refusing this request as given.
            case 422 -> "PREREQUISITE_MISSING".equals(code) ? PREREQUISITE_MISSING : INVALID_REQUEST;
            case 429 -> RATE_LIMITED;
            case 503 -> serviceUnavailable(code, hasRetryAfter);
            default -> status >= 500 && status <= 599 ? SERVER_ERROR : UNEXPECTED;
        };
    }

    // A kill switch stays off however long we wait; a 503 that names a wait is a capacity limit.
    private static UpstreamErrorKind serviceUnavailable(String code, boolean hasRetryAfter) {
        if ("PAT_DISABLED".equals(code)) {
            return API_DISABLED;
        }
        return hasRetryAfter ? UPSTREAM_BUSY : SERVER_ERROR;
    }
}
