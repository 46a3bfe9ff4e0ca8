package com.auditybridge.leadsync;

import java.time.Duration;

/** A sync could not read what it needs upstream; nothing was started. {@code retryAfter} may be null. */
public class SyncFailed extends RuntimeException {
    private final transient Duration retryAfter;

    public SyncFailed(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
