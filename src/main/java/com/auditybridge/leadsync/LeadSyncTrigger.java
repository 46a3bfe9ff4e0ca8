package com.auditybridge.leadsync;

import com.auditybridge.connection.Connection;
import com.auditybridge.scheduling.DurableTasks;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Puts the {@code default} connection's sync on the schedule at startup (when enabled), and runs any
 * connection's sync now on demand: the default connection's then goes back on the schedule, another
 * connection's runs this once.
 */
@Singleton
public class LeadSyncTrigger {
    private final DurableTasks tasks;
    private final LeadSyncSettings settings;
    private final Clock clock;

    public LeadSyncTrigger(DurableTasks tasks, LeadSyncSettings settings, Clock clock) {
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (settings.enabled()) {
            tasks.scheduleIfAbsent(
                    LeadSyncTask.instance(Connection.DEFAULT_ID),
                    new CronSchedule(settings.cron()).getInitialExecutionTime(clock.instant()));
        }
    }

    /** Sync now; a sync already running finishes first. */
    public void now(String connectionId) {
        tasks.wake(LeadSyncTask.instance(connectionId), clock.instant());
    }
}
