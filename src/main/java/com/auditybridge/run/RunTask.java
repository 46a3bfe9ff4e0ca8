package com.auditybridge.run;

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
 * One db-scheduler task instance per run, named by the run id, rescheduled after each step for the
 * time the step asked for. A replica that dies mid-step loses its heartbeat and another revives
 * the instance; the run's persisted step says where to resume.
 */
@Factory
public class RunTask {
    public static final String NAME = "run";

    public static TaskInstance<Void> instance(String runId) {
        return new TaskInstance<>(NAME, runId);
    }

    @Singleton
    CustomTask<Void> runTask(StepRunner runner) {
        return Tasks.custom(NAME, Void.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    Optional<Instant> next = runner.drive(instance.getId());
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
