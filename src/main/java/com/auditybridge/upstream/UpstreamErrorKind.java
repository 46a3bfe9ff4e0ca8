package com.auditybridge.upstream;

/**
 * Every documented way an upstream call can fail, and whether waiting and trying again can help.
 * The enum name is the error code a run fails with, unless the upstream sent a code of its own.
 */
public enum UpstreamErrorKind {
    /** The bridge held the call back itself (lane paused, budget spent, circuit open): nothing was sent. */
    THROTTLED(true, false),
    /** 429 with Retry-After: the token's lane must pause. */
    RATE_LIMITED(true, false),
    /** 503 with Retry-After that is not a kill switch, e.g. the repo-audit concurrency cap. */
    UPSTREAM_BUSY(true, false),
    /** Any other 5xx: the upstream may have done the work before failing. */
    SERVER_ERROR(true, true),
    /** No answer within the read timeout. */
    TIMEOUT(true, true),
    /** Connection refused, reset or closed before an answer. */
    NETWORK(true, true),
    /** 402 without a code: not enough credits. */
    INSUFFICIENT_CREDITS(false, false),
    /** 402 QUOTA_EXCEEDED (Audity) or the daily quota 429 (repo audit). */
    QUOTA_EXCEEDED(false, false),
    /** 403 carrying requiredTier. */
    TIER_REQUIRED(false, false),
    /** 403 of another kind: PAT_SCOPE_INSUFFICIENT, PAT_ROUTE_NOT_ALLOWED, another owner. */
    FORBIDDEN(false, false),
    /** 422 PREREQUISITE_MISSING: the project lacks its document or interview analysis. */
    PREREQUISITE_MISSING(false, false),
    /** 400 from convert: the lead was converted already. */
    ALREADY_CONVERTED(false, false),
    /** 400 validation, e.g. EMPTY_PATCH, DESCRIPTION_TOO_LONG, a bad repo URL. */
    INVALID_REQUEST(false, false),
    NOT_FOUND(false, false),
    PAYLOAD_TOO_LARGE(false, false),
    /** 401 PAT_MALFORMED. */
    TOKEN_MALFORMED(false, false),
    /** 401 without a code: a well-formed token that is not an active key. */
    TOKEN_INACTIVE(false, false),
    /** 503 PAT_DISABLED: the agent API is switched off. */
    API_DISABLED(false, false),
    /** A status or body the documentation does not describe. */
    UNEXPECTED(false, false);

    private final boolean transientFailure;
    private final boolean outcomeUnknown;

    UpstreamErrorKind(boolean transientFailure, boolean outcomeUnknown) {
        this.transientFailure = transientFailure;
        this.outcomeUnknown = outcomeUnknown;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
