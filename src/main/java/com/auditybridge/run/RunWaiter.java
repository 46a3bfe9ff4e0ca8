package com.auditybridge.run;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds a {@code ?wait=N} answer until the run ends or N passes on the service clock, by re-reading the run on a
 * short timer: any replica may finish the run, so the database is the one place to look. No request thread is held
 * while waiting.
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
    private final Clock clock;

    public RunWaiter(RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Completes with the ended run, or empty once {@code limit} passed on the service clock. */
    public CompletableFuture<Optional<Run>> awaitEnd(String runId, Duration limit) {
        CompletableFuture<Optional<Run>> result = new CompletableFuture<>();
        check(runId, clock.instant().plus(limit), result);
        return result;
    }

    private void check(String runId, Instant deadline, CompletableFuture<Optional<Run>> result) {
        timer.schedule(
                () -> {
                    try {
                        Optional<Run> run =
                                store.find(runId).filter(r -> r.status().terminal());
                        if (run.isPresent() || !clock.instant().isBefore(deadline)) {
                            result.complete(run);
                        } else {
                            check(runId, deadline, result);
                        }
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                },
                CHECK_EVERY_MS,
                TimeUnit.MILLISECONDS);
    }
}
