package com.auditybridge.run;

import com.auditybridge.scheduling.ArrivalOrder;
import com.auditybridge.scheduling.DurableTasks;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Puts runs on the durable queue and wakes them early. Scheduling joins the caller's transaction. */
@Singleton
public class RunQueue {
    private final DurableTasks tasks;
    private final RunStore store;
    private final ArrivalOrder order;

    public RunQueue(DurableTasks tasks, RunStore store, ArrivalOrder order) {
        this.tasks = tasks;
        this.store = store;
        this.order = order;
    }

    /** Queues a new run behind the runs queued before it: under a backlog, older runs get the budget first. */
    public void enqueue(String runId, Instant at) {
        tasks.scheduleNew(RunTask.instance(runId, order.nextPriority()), at);
    }

    /** {@link #enqueue} for several new runs, in the order given, in one round trip (and one for their priorities). */
    public void enqueueAll(List<Run> runs) {
        if (runs.isEmpty()) {
            return;
        }
        int[] priorities = order.nextPriorities(runs.size());
        List<SchedulableInstance<?>> instances = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            instances.add(SchedulableInstance.of(RunTask.instance(run.id(), priorities[i]), run.nextAt()));
        }
        tasks.scheduleNew(instances);
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

    /**
     * Execute the run's next step now (or at {@code at}) instead of when it planned to. db-scheduler will not move an
     * execution that is running, and the step it runs may have read the upstream before the news this wake brings:
     * so the wake is first kept on the run ({@code woken_at}, under the run's row lock), and cleared again once the
     * task took the new time itself. Left on the run, the step's reschedule ({@link #afterStep}) honours it.
     */
    @Transactional
    public void wake(String runId, Instant at) {
        store.markWoken(runId, at);
        // The priority counts only when the run's task had ended (a retried run): it queues behind the others.
        if (tasks.wake(RunTask.instance(runId, order.nextPriority()), at)) {
            store.clearWoken(runId);
        }
    }

    /**
     * After a step: reschedules the run's task for when the step asked, or sooner when a wake came while it executed,
     * or removes it when the run ended. Reading the wake locks the run's row and the reschedule joins this
     * transaction, so a wake arriving meanwhile either is seen here or waits and then finds the task rescheduled
     * (which it can move).
     */
    @Transactional
    public void afterStep(String runId, Optional<Instant> planned, Consumer<Instant> reschedule, Runnable remove) {
        Optional<Instant> woken = store.takeWake(runId);
        if (planned.isEmpty()) {
            remove.run();
            return;
        }
        reschedule.accept(woken.filter(at -> at.isBefore(planned.get())).orElse(planned.get()));
    }
}
