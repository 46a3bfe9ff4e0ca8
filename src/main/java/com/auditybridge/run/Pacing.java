package com.auditybridge.run;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Intervals that grow with age: a young job is polled often, an old one rarely, so a token's
 * polling budget goes where answers are likely. A tenth of jitter keeps runs that started together
 * from polling in lockstep.
 */
public final class Pacing {
    private Pacing() {}

    public static Duration byAge(Duration age, Duration initial, Duration max) {
        long millis = Math.max(initial.toMillis(), Math.min(max.toMillis(), age.toMillis() / 6));
        long jitter = (long) (millis * 0.1 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(millis + jitter);
    }
}
