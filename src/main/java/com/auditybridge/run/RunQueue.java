package com.auditybridge.run;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Puts runs on the durable queue and wakes them early. Scheduling joins the caller's transaction. */
@Singleton
public class RunQueue {
    private final SchedulerClient scheduler;

    public RunQueue(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    public void enqueue(String runId, Instant at) {
        scheduler.scheduleIfNotExists(RunTask.instance(runId), at);
    }

    /** Execute the run's next step now (or at {@code at}) instead of when it planned to. */
    public void wake(String runId, Instant at) {
        try {
            if (!scheduler.reschedule(RunTask.instance(runId), at)) {
                scheduler.scheduleIfNotExists(RunTask.instance(runId), at);
            }
        } catch (TaskInstanceNotFoundException ended) {
            // An ended run's task was removed (a retried run): it needs a new one.
            scheduler.scheduleIfNotExists(RunTask.instance(runId), at);
        } catch (TaskInstanceCurrentlyExecutingException executingNow) {
            // A step of this run is executing right now; it reschedules itself when it ends.
        }
    }
}
