package com.auditybridge.callback;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One db-scheduler task instance per delivery: each execution is one attempt, then the instance is
 * rescheduled for the next rung of the ladder or removed. Durable across restarts and replicas.
 */
@Factory
public class DeliveryTask {
    public static final String NAME = "delivery";

    public static TaskInstance<Void> instance(String deliveryId) {
        return new TaskInstance<>(NAME, deliveryId);
    }

    @Singleton
    CustomTask<Void> deliveryTask(DeliveryWorker worker) {
        return Tasks.custom(NAME, Void.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    Optional<Instant> next = worker.attempt(instance.getId());
                    return (complete, operations) -> {
                        if (next.isPresent()) {
                            operations.reschedule(complete, next.get());
                        } else {
                            operations.remove();
                        }
                    };
                });
    }
}
