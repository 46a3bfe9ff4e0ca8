package com.auditybridge.upstream;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One token's share of one upstream: a smoothed rate limiter per call class (one permit every
 * 60 s / limit, so calls are spread out) and a pause that a 429 sets for its Retry-After. The smoothed
 * limiter alone lets limit + 1 calls into one sliding minute (a permit late in one cycle, then one at the
 * start of each of the next limit cycles), so the permits granted in the last minute are also kept and
 * capped at the limit: the upstream's sliding window never sees one call too many. The limiters read the
 * injected clock, so tests move their time too.
 */
final class Lane {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final Map<CallClass, AtomicRateLimiter> limiters = new EnumMap<>(CallClass.class);
    private final Map<CallClass, Deque<Instant>> granted = new EnumMap<>(CallClass.class);
    private final Map<CallClass, Integer> perMinute = new EnumMap<>(CallClass.class);
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);
    private final Clock clock;

    Lane(String name, UpstreamPolicySettings settings, Clock clock) {
        this.clock = clock;
        for (CallClass callClass : CallClass.values()) {
            RateLimiterConfig config = RateLimiterConfig.custom()
                    .limitForPeriod(1)
                    .limitRefreshPeriod(Duration.ofMillis(60_000L / settings.perMinute(callClass)))
                    .timeoutDuration(Duration.ZERO)
                    .build();
            limiters.put(callClass, new AtomicRateLimiter(name + "-" + callClass, config,
                    () -> clock.millis() * 1_000_000L));
            granted.put(callClass, new ArrayDeque<>());
            perMinute.put(callClass, settings.perMinute(callClass));
        }
    }

    /** Empty when the call may go now; else how long to hold it back. */
    synchronized Duration holdBack(CallClass callClass) {
        Instant now = clock.instant();
        Duration paused = Duration.between(now, pausedUntil.get());
        if (!paused.isNegative() && !paused.isZero()) {
            return paused;
        }
        Deque<Instant> recent = granted.get(callClass);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(MINUTE))) {
            recent.removeFirst();
        }
        if (recent.size() >= perMinute.get(callClass)) {
            return Duration.between(now, recent.peekFirst().plus(MINUTE));
        }
        AtomicRateLimiter limiter = limiters.get(callClass);
        if (limiter.acquirePermission()) {
            recent.addLast(now);
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
