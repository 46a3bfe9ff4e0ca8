package com.auditybridge.run;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Puts runs on the durable queue and wakes them early. Scheduling joins the caller's transaction. */
@Singleton
public class RunQueue {
    private final DurableTasks tasks;
    private final RunStore store;

    public RunQueue(DurableTasks tasks, RunStore store) {
        this.tasks = tasks;
        this.store = store;
    }

    public void enqueue(String runId, Instant at) {
        tasks.scheduleIfAbsent(RunTask.instance(runId), at);
    }

    /** Reopens a failed run on its failed step and queues it, both or neither. */
    @Transactional
    public boolean retry(String connectionId, String runId, Instant now) {
        if (!store.reopen(connectionId, runId, now)) {
            return false;
        }
        wake(runId, now);
        return true;
    }

    /** Execute the run's next step now (or at {@code at}) instead of when it planned to. */
    public void wake(String runId, Instant at) {
        tasks.wake(RunTask.instance(runId), at);
    }
}
