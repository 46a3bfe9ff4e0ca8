package com.auditybridge.callback;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The decision after one attempt (docs/api.md, Callbacks): 2xx delivers; 410 from a subscription target removes the
 * subscription; 404 from a final callback (an n8n resume URL works once) is dead at once, and so is 409 after the
 * first attempt; anything else waits for the next rung of the ladder (or the target's {@code Retry-After} on 429/503)
 * until the ladder is exhausted, then dead.
 *
 * <p>n8n 2.x answers 409 on the resume URL of an execution that has finished (resumed already, or stopped): no later
 * attempt can succeed. It answers 409 as well while the execution is still running, before it starts to wait — a run
 * that ends within moments of its hook can call back that early — so a 409 on the first attempt takes the next rung
 * (5 s), by which time the execution waits.
 */
@Singleton
public class RetryLadder {
    private final List<Duration> ladder;
    private final double jitter;
    private final Duration maxRetryAfter;

    public RetryLadder(CallbackSettings settings) {
        this.ladder = settings.retryLadder();
        this.jitter = settings.jitter();
        this.maxRetryAfter = settings.maxRetryAfter();
    }

    /** @param attemptsMade attempts including the one just made */
    public Verdict decide(
            boolean finalCallback, boolean subscription, int attemptsMade, AttemptResult result, Instant now) {
        if (result.succeeded()) {
            return Verdict.of(DeliveryStatus.DELIVERED);
        }
        if (subscription && result.is(410)) {
            return Verdict.of(DeliveryStatus.GONE);
        }
        if (finalCallback && (result.is(404) || (result.is(409) && attemptsMade > 1))) {
            return Verdict.of(DeliveryStatus.DEAD);
        }
        if (attemptsMade >= ladder.size()) {
            return Verdict.of(DeliveryStatus.DEAD);
        }
        boolean asksToWait = (result.is(429) || result.is(503)) && result.retryAfter() != null;
        Duration wait = asksToWait ? min(result.retryAfter(), maxRetryAfter) : jittered(ladder.get(attemptsMade));
        return Verdict.retryAt(now.plus(wait));
    }

    /** The wait before the first attempt. */
    public Duration first() {
        return ladder.isEmpty() ? Duration.ZERO : ladder.get(0);
    }

    private Duration jittered(Duration base) {
        if (jitter <= 0 || base.isZero()) {
            return base;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
