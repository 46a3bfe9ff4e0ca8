package com.auditybridge.callback;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** Where a delivery stands after an attempt: its new status and, while pending, when to try again. */
public record Verdict(DeliveryStatus status, @Nullable Instant nextAttemptAt) {

    public static Verdict of(DeliveryStatus status) {
        return new Verdict(status, null);
    }

    public static Verdict retryAt(Instant at) {
        return new Verdict(DeliveryStatus.PENDING, at);
    }
}
