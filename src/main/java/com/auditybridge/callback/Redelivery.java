package com.auditybridge.callback;

import com.auditybridge.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A new attempt cycle for ended deliveries: the ladder starts again, the {@code webhook-id} stays
 * (receivers dedupe on it). A subscription delivery whose subscription is gone cannot be signed: 409.
 */
@Singleton
public class Redelivery {
    private static final int MAX_BULK = 1000;
    private final DeliveryStore store;
    private final DeliveryQueue queue;
    private final Clock clock;

    public Redelivery(DeliveryStore store, DeliveryQueue queue, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.clock = clock;
    }

    @Transactional
    public void one(String connectionId, String id) {
        Delivery delivery = store.find(connectionId, id).orElseThrow(() -> ProblemException.notFound("Delivery " + id));
        if (delivery.subscriptionId() != null && delivery.subscriptionSecret() == null) {
            throw ProblemException.conflict("SUBSCRIPTION_GONE", "The subscription of this delivery was removed.");
        }
        Instant now = clock.instant();
        if (!store.reopen(id, now)) {
            throw ProblemException.conflict(
                    "DELIVERY_PENDING", "This delivery is still pending; it will be attempted.");
        }
        queue.wake(id, now);
    }

    @Transactional
    public List<String> all(String connectionId, DeliveryStatus status, Instant since) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>();
        for (Delivery delivery : store.byStatus(connectionId, status, since, MAX_BULK)) {
            boolean signable = delivery.subscriptionId() == null || delivery.subscriptionSecret() != null;
            if (signable && store.reopen(delivery.id(), now)) {
                queue.wake(delivery.id(), now);
                ids.add(delivery.id());
            }
        }
        return ids;
    }
}
