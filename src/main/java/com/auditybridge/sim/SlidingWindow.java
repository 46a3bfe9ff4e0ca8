package com.auditybridge.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sliding-window counter: admits a call when fewer than {@code limit} calls were admitted in the last
 * window. It also remembers the peak number of arrivals (admitted or not) seen in any window, which is
 * what tests use to prove a client stayed under the upstream's budget.
 */
public final class SlidingWindow {
    private final Duration window;
    private final Deque<Instant> admitted = new ArrayDeque<>();
    private final Deque<Instant> arrivals = new ArrayDeque<>();
    private int peak;

    public SlidingWindow(Duration window) {
        this.window = window;
    }

    public synchronized void arrive(Instant now) {
        arrivals.addLast(now);
        prune(arrivals, now);
        peak = Math.max(peak, arrivals.size());
    }

    /** @return 0 when admitted, else the whole seconds until the oldest admitted call leaves the window */
    public synchronized long tryAcquire(Instant now, int limit) {
        prune(admitted, now);
        if (admitted.size() < limit) {
            admitted.addLast(now);
            return 0;
        }
        long millis = Duration.between(now, admitted.peekFirst().plus(window)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    public synchronized int peak() {
        return peak;
    }

    private void prune(Deque<Instant> calls, Instant now) {
        Instant cutoff = now.minus(window);
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(cutoff)) {
            calls.removeFirst();
        }
    }
}
