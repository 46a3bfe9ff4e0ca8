package com.auditybridge.run;

import jakarta.inject.Singleton;

import java.time.Instant;

/** Puts runs on the durable queue and wakes them early. Scheduling joins the caller's transaction. */
@Singleton
public class RunQueue {
    private final DurableTasks tasks;

    public RunQueue(DurableTasks tasks) {
        this.tasks = tasks;
    }

    public void enqueue(String runId, Instant at) {
        tasks.scheduleIfAbsent(RunTask.instance(runId), at);
    }

    /** Execute the run's next step now (or at {@code at}) instead of when it planned to. */
    public void wake(String runId, Instant at) {
        tasks.wake(RunTask.instance(runId), at);
    }
}
