package com.auditybridge.callback;

import com.auditybridge.scheduling.DurableTasks;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Puts deliveries on the durable queue (one db-scheduler instance per delivery, named by its id).
 * Scheduling joins the caller's transaction, so a delivery is queued exactly when its row commits.
 */
@Singleton
public class DeliveryQueue {
    private final DurableTasks tasks;

    public DeliveryQueue(DurableTasks tasks) {
        this.tasks = tasks;
    }

    /** Queues a delivery just written (its id made just now). */
    public void enqueue(String deliveryId, Instant at) {
        tasks.scheduleNew(DeliveryTask.instance(deliveryId), at);
    }

    /**
     * Attempt now (a redelivery). An instance executing this moment is left alone: it reads the reopened row when it
     * records its attempt.
     */
    public void wake(String deliveryId, Instant at) {
        tasks.wake(DeliveryTask.instance(deliveryId), at);
    }
}
