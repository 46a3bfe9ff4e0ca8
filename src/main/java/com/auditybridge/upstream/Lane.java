package com.auditybridge.upstream;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One token's share of one upstream: a smoothed rate limiter per call class and a pause that a 429
 * sets for its Retry-After. The limiters read the injected clock, so tests move their time too.
 * <p>
 * A limiter grants {@code burst} permits per cycle, with {@code k = limit / burst − 1} cycles a
 * minute. A sliding minute overlaps at most {@code k + 1} cycles (a part of one at each end), so it
 * sees at most {@code (k + 1) × burst ≤ limit} calls: the upstream's own sliding window is never
 * exceeded, while a caller that needs two reads in a row (the lead sync) gets them at once.
 */
final class Lane {
    private final Map<CallClass, AtomicRateLimiter> limiters = new EnumMap<>(CallClass.class);
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);
    private final Clock clock;

    Lane(String name, UpstreamPolicySettings settings, Clock clock) {
        this.clock = clock;
        for (CallClass callClass : CallClass.values()) {
            int limit = settings.perMinute(callClass);
            int burst = Math.max(1, Math.min(settings.burst(), limit / 2));
            int cyclesPerMinute = Math.max(1, limit / burst - 1);
            RateLimiterConfig config = RateLimiterConfig.custom()
                    .limitForPeriod(burst)
                    .limitRefreshPeriod(Duration.ofMillis((60_000L + cyclesPerMinute - 1) / cyclesPerMinute))
                    .timeoutDuration(Duration.ZERO)
                    .build();
            limiters.put(
                    callClass,
                    new AtomicRateLimiter(name + "-" + callClass, config, () -> clock.millis() * 1_000_000L));
        }
    }

    /** Empty when the call may go now; else how long to hold it back. */
    Duration holdBack(CallClass callClass) {
        Duration paused = Duration.between(clock.instant(), pausedUntil.get());
        if (!paused.isNegative() && !paused.isZero()) {
            return paused;
        }
        AtomicRateLimiter limiter = limiters.get(callClass);
        if (limiter.acquirePermission()) {
            return Duration.ZERO;
        }
        long nanos = limiter.getDetailedMetrics().getNanosToWait();
        return Duration.ofNanos(Math.max(nanos, 1_000_000L));
    }

    void pauseFor(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    }
}
