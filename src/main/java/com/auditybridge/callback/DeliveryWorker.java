package com.auditybridge.callback;

import com.auditybridge.connection.Connection;
import com.auditybridge.connection.Connections;
import com.auditybridge.connection.PrivateNetworks;
import com.auditybridge.connection.SecretBox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** One attempt of one delivery: sign, send, record, decide. Answers when to try again, if ever. */
@Singleton
public class DeliveryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private final DeliveryStore store;
    private final DeliverySender sender;
    private final SigningKeys keys;
    private final RetryLadder ladder;
    private final Subscriptions subscriptions;
    private final Clock clock;
    private final SecretBox box;
    private final MeterRegistry meters;
    private final Connections connections;

    public DeliveryWorker(
            DeliveryStore store,
            DeliverySender sender,
            SigningKeys keys,
            RetryLadder ladder,
            Subscriptions subscriptions,
            Clock clock,
            SecretBox box,
            MeterRegistry meters,
            Connections connections) {
        this.connections = connections;
        this.box = box;
        this.meters = meters;
        this.store = store;
        this.sender = sender;
        this.keys = keys;
        this.ladder = ladder;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    public Optional<Instant> attempt(String deliveryId) {
        MDC.put("deliveryId", deliveryId);
        try {
            return attemptNow(deliveryId);
        } finally {
            MDC.remove("deliveryId");
            MDC.remove("runId");
        }
    }

    /**
     * Ends a delivery whose attempts kept throwing inside the bridge: dead, nothing more scheduled, the cause's type
     * and first line in {@code last_error}. A redelivery starts it again once the cause is fixed.
     */
    public void giveUp(String deliveryId, int failures, Throwable cause) {
        String why = cause == null
                ? "unknown"
                : cause.getClass().getSimpleName()
                        + (cause.getMessage() == null
                                ? ""
                                : ": " + cause.getMessage().lines().findFirst().orElse(""));
        LOG.error("delivery {} is dead: its attempt threw {} times in a row ({})", deliveryId, failures, why);
        store.markDead(
                deliveryId,
                "the attempt failed inside the bridge " + failures + " times in a row: " + why,
                clock.instant());
    }

    private Optional<Instant> attemptNow(String deliveryId) {
        Optional<Delivery> found = store.find(deliveryId).filter(d -> d.status() == DeliveryStatus.PENDING);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Delivery delivery = found.get();
        if (delivery.runId() != null) {
            MDC.put("runId", delivery.runId());
        }
        Instant now = clock.instant();
        if (delivery.nextAttemptAt() != null && delivery.nextAttemptAt().isAfter(now)) {
            return Optional.of(delivery.nextAttemptAt());
        }
        boolean subscription = delivery.subscriptionId() != null;
        if (subscription && delivery.subscriptionSecret() == null) {
            store.cancel(deliveryId, now);
            return Optional.empty();
        }
        List<String> secrets = subscription
                ? List.of(box.open(delivery.subscriptionSecret()))
                : keys.forConnection(delivery.connectionId());
        if (secrets.isEmpty()) {
            store.cancel(deliveryId, now);
            return Optional.empty();
        }
        SignedHeaders signed = SignedHeaders.sign(secrets, delivery.id(), now.getEpochSecond(), delivery.payload());
        PrivateNetworks networks = connections
                .byId(delivery.connectionId())
                .map(Connection::privateNetworks)
                .orElse(PrivateNetworks.NONE);
        AttemptResult result = sender.send(delivery.targetUrl(), networks, signed, delivery.payload());
        Instant after = clock.instant();
        Verdict verdict = ladder.decide(delivery.finalCallback(), subscription, delivery.attempts() + 1, result, after);
        store.recordAttempt(delivery, result, verdict, after);
        meters.counter(
                        "bridge.callback.attempts",
                        "outcome",
                        verdict.status() == DeliveryStatus.PENDING
                                ? "retrying"
                                : verdict.status().wireName(),
                        "final",
                        String.valueOf(delivery.finalCallback()))
                .increment();
        if (verdict.status() == DeliveryStatus.GONE) {
            subscriptions.remove(delivery.connectionId(), delivery.subscriptionId());
        }
        return Optional.ofNullable(verdict.nextAttemptAt());
    }
}
