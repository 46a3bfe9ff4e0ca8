package com.auditybridge.retention;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Retention as one recurring db-scheduler task: a single instance, so one replica at a time runs it, every
 * {@code bridge.retention.every} after the last execution ended. Scheduled when the scheduler starts; a replica that
 * dies during it hands it to another, and an execution that failed is tried again at the next interval.
 */
@Factory
public class RetentionTask {
    public static final String NAME = "retention";

    /** The one instance of the task. */
    public static TaskInstance<Void> instance() {
        return new TaskInstance<>(NAME, RecurringTask.INSTANCE);
    }

    @Singleton
    RecurringTask<Void> retentionTask(Retention retention, RetentionSettings settings) {
        return Tasks.recurring(NAME, FixedDelay.of(settings.every()))
                .execute((instance, context) -> retention.runOnce());
    }
}
