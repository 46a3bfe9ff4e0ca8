package com.auditybridge.leadsync;

import com.auditybridge.connection.Connection;
import com.auditybridge.connection.Connections;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One db-scheduler task instance per connection: whether the schedule, a {@code survey_completed}
 * webhook or an operator asks, a given connection's sync runs on one replica at a time. Only the
 * {@code default} connection's instance goes back on the cron (when the schedule is enabled); any
 * other instance ran because it was asked for, and is removed once it succeeded. A sync that could
 * not read Audity is tried again after the wait Audity asked for (a minute when it gave none).
 */
@Factory
public class LeadSyncTask {
    public static final String NAME = "lead-sync";
    private static final Logger LOG = LoggerFactory.getLogger(LeadSyncTask.class);

    public static TaskInstance<Void> instance(String connectionId) {
        return new TaskInstance<>(NAME, connectionId);
    }

    @Singleton
    CustomTask<Void> leadSyncTask(LeadSync sync, Connections connections, LeadSyncSettings settings, Clock clock) {
        CronSchedule schedule = new CronSchedule(settings.cron());
        return Tasks.custom(NAME, Void.class).onDeadExecutionRevive().execute((instance, context) -> {
            Instant next =
                    onSchedule(instance.getId(), settings) ? schedule.getInitialExecutionTime(clock.instant()) : null;
            try {
                connections.byId(instance.getId()).ifPresent(connection -> {
                    SyncReport report = sync.sync(connection, false);
                    LOG.info(
                            "lead sync of {}: {} leads read, {} new, {} conversions started, {} skipped",
                            connection.id(),
                            report.leadsRead(),
                            report.arrived().size(),
                            report.converted().size(),
                            report.skipped().size());
                });
            } catch (SyncFailed failed) {
                LOG.warn("lead sync of {} failed: {}", instance.getId(), failed.getMessage());
                Duration wait = failed.retryAfter() != null ? failed.retryAfter() : Duration.ofMinutes(1);
                next = clock.instant().plus(wait);
            }
            Instant at = next;
            return (complete, operations) -> {
                if (at != null) {
                    operations.reschedule(complete, at);
                } else {
                    operations.remove();
                }
            };
        });
    }

    /** Whether this connection's sync runs on the cron: the {@code default} connection's, when enabled. */
    static boolean onSchedule(String connectionId, LeadSyncSettings settings) {
        return settings.enabled() && Connection.DEFAULT_ID.equals(connectionId);
    }
}
