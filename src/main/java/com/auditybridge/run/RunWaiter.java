package com.auditybridge.run;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds a {@code ?wait=N} answer until the run ends or N passes, by re-reading the run on a short
 * timer: any replica may finish the run, so the database is the one place to look. No request
 * thread is held while waiting.
 */
@Singleton
public class RunWaiter {
    private static final long CHECK_EVERY_MS = 200;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-waiter");
        t.setDaemon(true);
        return t;
    });
    private final RunStore store;

    public RunWaiter(RunStore store) {
        this.store = store;
    }

    /** Completes with the ended run, or empty when {@code limit} passed first. */
    public CompletableFuture<Optional<Run>> awaitEnd(String runId, Duration limit) {
        CompletableFuture<Optional<Run>> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + limit.toNanos();
        check(runId, deadline, result);
        return result;
    }

    private void check(String runId, long deadline, CompletableFuture<Optional<Run>> result) {
        timer.schedule(() -> {
            try {
                Optional<Run> run = store.find(runId).filter(r -> r.status().terminal());
                if (run.isPresent() || System.nanoTime() >= deadline) {
                    result.complete(run);
                } else {
                    check(runId, deadline, result);
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
    }
}
