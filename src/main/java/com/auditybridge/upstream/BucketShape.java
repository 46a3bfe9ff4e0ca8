package com.auditybridge.upstream;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * A token bucket that never lets more than {@code limit} calls through in any sliding minute: it holds at most
 * {@code capacity} tokens (the burst) and refills {@code refill} tokens, continuously, every {@code period}.
 * <p>
 * In any window of {@code period} a bucket hands out at most what it held at the window's start ({@code ≤ capacity})
 * plus what refilled during it ({@code refill}): {@code capacity + refill ≤ limit}, and {@code period} is at least a
 * minute, so no sliding minute sees more than {@code limit}. The margin beyond the minute absorbs the time a call
 * takes to reach the upstream, whose clock is the one that counts. A limit of 1 leaves no room for a burst and a
 * refill of its own: it refills 1 token a period, and the margin keeps two calls more than a minute apart.
 *
 * @param capacity the most tokens a bucket holds: calls that may go back to back
 * @param refill   tokens added over one {@code period}
 * @param period   a minute plus the margin
 * @param limit    the per-minute limit the bucket keeps
 */
public record BucketShape(int capacity, int refill, Duration period, int limit) {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration LEAST_MARGIN = Duration.ofMillis(1);

    /**
     * The shape for {@code limit} a minute with bursts of {@code burst}, at most a tenth of the limit and at least 1:
     * what a burst holds, the steady rate ({@code limit − capacity} a minute) lacks.
     */
    public static BucketShape of(int limit, int burst, Duration margin) {
        if (limit < 1) {
            throw new IllegalArgumentException("a per-minute limit must be at least 1, not " + limit);
        }
        int capacity = Math.max(1, Math.min(burst, limit / 10));
        int refill = Math.max(1, limit - capacity);
        Duration least = margin == null || margin.compareTo(LEAST_MARGIN) < 0 ? LEAST_MARGIN : margin;
        return new BucketShape(capacity, refill, MINUTE.plus(least), limit);
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(refill, period)
                        .initialTokens(capacity)
                        .build())
                .build();
    }

    /** The time one token takes to refill: the steady pace between calls once the burst is spent. */
    Duration interval() {
        return period.dividedBy(refill);
    }

    /** The tokens that refill in {@code wait}, rounded up: a pause of that long is a deficit of this many. */
    long tokensIn(Duration wait) {
        return (long) Math.ceil(wait.toNanos() * (double) refill / period.toNanos());
    }

    /** Part of a budget's key, so that replicas configured alike share a bucket and a changed limit starts anew. */
    String code() {
        return limit + "/" + capacity + "/" + period.toMillis();
    }
}
