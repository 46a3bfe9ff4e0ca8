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
 * the instance; the run's persisted step says where to resume. A wake that came while a step executed is honoured
 * when the step reschedules ({@link RunQueue#afterStep}).
 */
@Factory
public class RunTask {
    public static final String NAME = "run";
    /** A step that threw this many times in a row (a bug, a corrupt row) fails its run for a human. */
    static final int MAX_CONSECUTIVE_FAILURES = 10;

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    public static TaskInstance<Void> instance(String runId) {
        return new TaskInstance<>(NAME, runId);
    }

    /** The run's instance handed out by {@code priority} when due (ArrivalOrder: oldest first). */
    public static TaskInstance<Void> instance(String runId, int priority) {
        return new TaskInstance<>(NAME, runId, () -> null, priority);
    }

    @Singleton
    CustomTask<Void> runTask(StepRunner runner, RunQueue queue) {
        return Tasks.custom(NAME, Void.class)
                .onFailure(failStuckRuns(runner))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    // The priority is minus the run's place in arrival order (ArrivalOrder): its rank for the budget.
                    Optional<Instant> next = runner.drive(instance.getId(), -(long) instance.getPriority());
                    return (complete, operations) -> queue.afterStep(
                            instance.getId(), next, at -> operations.reschedule(complete, at), operations::remove);
                });
    }

    /** Backs off while a step keeps throwing (the database may be down), then fails the run clearly. */
    private static FailureHandler<Void> failStuckRuns(StepRunner runner) {
        return (complete, operations) -> {
            int failures = complete.getExecution().consecutiveFailures + 1;
            if (failures >= MAX_CONSECUTIVE_FAILURES) {
                runner.failStuck(
                        complete.getExecution().taskInstance.getId(),
                        failures,
                        complete.getCause().orElse(null));
                operations.remove();
                return;
            }
            long backoff = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 16));
            operations.reschedule(complete, complete.getTimeDone().plusMillis(backoff));
        };
    }
}
