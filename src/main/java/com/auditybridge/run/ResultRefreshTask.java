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
 * One db-scheduler task instance per run whose result is being refreshed ({@link ResultRefresh}), named by the run
 * id: each execution reads one part, then the instance is rescheduled for the next part (or for when a read held
 * back may go) or removed. Durable across restarts and replicas.
 */
@Factory
public class ResultRefreshTask {
    public static final String NAME = "result-refresh";
    /** An execution that threw this many times in a row ends the refresh; its parts say why. */
    static final int MAX_CONSECUTIVE_FAILURES = 10;

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

    public static TaskInstance<Void> instance(String runId) {
        return new TaskInstance<>(NAME, runId);
    }

    @Singleton
    CustomTask<Void> resultRefreshTask(ResultRefresh refresh) {
        return Tasks.custom(NAME, Void.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        MAX_CONSECUTIVE_FAILURES - 1,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_BACKOFF, 2.0),
                        (complete, operations) -> refresh.giveUp(
                                complete.getExecution().taskInstance.getId(),
                                MAX_CONSECUTIVE_FAILURES,
                                complete.getCause().orElse(null))))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    Optional<Instant> next = refresh.readNext(instance.getId());
                    return (complete, operations) -> refresh.after(
                            instance.getId(), next, at -> operations.reschedule(complete, at), operations::remove);
                });
    }
}
