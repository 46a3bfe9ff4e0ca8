package com.auditybridge.scheduling;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/** Schedules db-scheduler task instances, joining the caller's transaction when there is one. */
@Singleton
public class DurableTasks {
    /** A provider: the scheduler needs the tasks, and the tasks (through the flows) need this. */
    private final Provider<SchedulerClient> scheduler;

    public DurableTasks(Provider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    public void scheduleIfAbsent(TaskInstance<?> instance, Instant at) {
        scheduler.get().scheduleIfNotExists(instance, at);
    }

    /**
     * Schedules an instance whose id was made just now (a fresh UUID), so none can exist yet: one insert, without the
     * look for an existing one that {@link #scheduleIfAbsent} makes first. Due at once, it is executed at once too.
     */
    public void scheduleNew(TaskInstance<?> instance, Instant at) {
        scheduler.get().scheduleBatch(List.of(instance), at);
    }

    /** {@link #scheduleNew} for several instances, each at its own time: one batch of inserts, one round trip. */
    public void scheduleNew(List<SchedulableInstance<?>> instances) {
        if (!instances.isEmpty()) {
            scheduler.get().scheduleBatch(instances);
        }
    }

    /**
     * Execute the instance at {@code at} instead of when it planned to; schedules it if it had ended. Answers false,
     * moving nothing, when it is executing right now: it reschedules itself when done, and a caller whose wake must
     * not be lost keeps it where that reschedule looks (as the run queue does with a woken run).
     */
    public boolean wake(TaskInstance<?> instance, Instant at) {
        try {
            scheduler.get().reschedule(instance, at);
        } catch (TaskInstanceNotFoundException ended) {
            scheduler.get().scheduleIfNotExists(instance, at);
        } catch (TaskInstanceCurrentlyExecutingException executingNow) {
            return false;
        }
        return true;
    }
}
