package com.auditybridge.callback;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Puts deliveries on the durable queue (one db-scheduler instance per delivery, named by its id).
 * Scheduling joins the caller's transaction, so a delivery is queued exactly when its row commits.
 * The scheduler is looked up lazily: its tasks (runs) lead back here through the event outbox.
 */
@Singleton
public class DeliveryQueue {
    private final BeanProvider<SchedulerClient> scheduler;

    public DeliveryQueue(BeanProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    public void enqueue(String deliveryId, Instant at) {
        scheduler.get().scheduleIfNotExists(DeliveryTask.instance(deliveryId), at);
    }

    /** Attempt now (a redelivery); an instance that is executing right now reschedules itself. */
    public void wake(String deliveryId, Instant at) {
        SchedulerClient client = scheduler.get();
        if (client.getScheduledExecution(DeliveryTask.instance(deliveryId)).isEmpty()) {
            enqueue(deliveryId, at);
            return;
        }
        try {
            client.reschedule(DeliveryTask.instance(deliveryId), at);
        } catch (RuntimeException executingNow) {
            // Picked by a worker this moment: it reads the reopened row when it records its attempt.
        }
    }
}
