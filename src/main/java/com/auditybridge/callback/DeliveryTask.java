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
    /**
     * An attempt that threw this many times in a row (a secret that cannot be opened, a corrupt row) ends its
     * delivery as dead, with the cause, for a human to fix and redeliver.
     */
    static final int MAX_CONSECUTIVE_FAILURES = 10;

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

    public static TaskInstance<Void> instance(String deliveryId) {
        return new TaskInstance<>(NAME, deliveryId);
    }

    @Singleton
    CustomTask<Void> deliveryTask(DeliveryWorker worker) {
        return Tasks.custom(NAME, Void.class)
                .onFailure(deadAfterRepeatedFailures(worker))
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

    /**
     * Backs off while an attempt keeps throwing (the database may be down), then ends the delivery as dead. The
     * delivery is marked before its task is removed: should the marking throw too, the task stays and is tried again.
     */
    private static FailureHandler<Void> deadAfterRepeatedFailures(DeliveryWorker worker) {
        FailureHandler<Void> backoff = new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_BACKOFF, 2.0);
        return (complete, operations) -> {
            int failures = complete.getExecution().consecutiveFailures + 1;
            if (failures >= MAX_CONSECUTIVE_FAILURES) {
                worker.giveUp(
                        complete.getExecution().taskInstance.getId(),
                        failures,
                        complete.getCause().orElse(null));
                operations.remove();
                return;
            }
            backoff.onFailure(complete, operations);
        };
    }
}
