package com.auditybridge.callback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A delivery as the operator API shows it; {@code webhookId} is the {@code webhook-id} every attempt carries. */
@Serdeable
public record DeliveryView(
        String id,
        String webhookId,
        String eventId,
        String eventType,
        @Nullable String runId,
        String targetUrl,
        @Nullable String subscriptionId,
        boolean finalCallback,
        String status,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable Integer lastStatus,
        @Nullable String lastError,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deliveredAt,
        @Nullable List<AttemptView> attemptLog) {

    static DeliveryView of(Delivery d, @Nullable List<AttemptView> attemptLog) {
        return new DeliveryView(
                d.id(),
                d.id(),
                d.eventId(),
                d.eventType(),
                d.runId(),
                d.targetUrl(),
                d.subscriptionId(),
                d.finalCallback(),
                d.status().wireName(),
                d.attempts(),
                d.nextAttemptAt(),
                d.lastStatus(),
                d.lastError(),
                d.createdAt(),
                d.updatedAt(),
                d.deliveredAt(),
                attemptLog);
    }
}
