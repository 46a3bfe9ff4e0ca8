package com.auditybridge.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The calls of one budget held back on this replica, by {@link Precedence rank}, each with when it comes back.
 * <p>
 * Without a line, every call held back by an empty bucket comes back at the instant the bucket frees its next token,
 * and whichever reaches the bucket first wins it, often not the oldest. With it, a held-back call comes back when its
 * turn is due: when the bucket frees a token, plus one refill interval for each older call waiting before it; and a
 * call that comes back while an older one is due (or about to be) lets that one go first. So the tokens go to the
 * oldest runs, one at a time. The line is this replica's: replicas sharing a budget still compete for it, each with its
 * oldest. A call that never comes back (its run ended, or it was handed to another replica) is forgotten once it is
 * {@link #FORGOTTEN_AFTER} late, so that it holds nobody back for ever.
 */
final class WaitingLine {
    static final Duration FORGOTTEN_AFTER = Duration.ofSeconds(30);

    private final ConcurrentSkipListMap<Long, Instant> waiting = new ConcurrentSkipListMap<>();

    /** Whether a call older than {@code rank} comes back before {@code soon}: the next token is its. */
    boolean olderDueBefore(long rank, Instant soon, Instant now) {
        Instant stale = now.minus(FORGOTTEN_AFTER);
        return waiting.headMap(rank).values().stream().anyMatch(back -> back.isBefore(soon) && back.isAfter(stale));
    }

    /**
     * Puts the call of {@code rank} in the line: it comes back at {@code free} (when the bucket frees a token) plus an
     * {@code interval} for each older call waiting. Answers when.
     */
    Instant enter(long rank, Instant free, Duration interval, Instant now) {
        Instant stale = now.minus(FORGOTTEN_AFTER);
        waiting.values().removeIf(back -> back.isBefore(stale));
        int ahead = waiting.headMap(rank).size();
        Instant back = free.plus(interval.multipliedBy(ahead));
        waiting.put(rank, back);
        return back;
    }

    /** The call of {@code rank} got its token, or will not ask again. */
    void leave(long rank) {
        if (!waiting.isEmpty()) {
            waiting.remove(rank);
        }
    }

    int size() {
        return waiting.size();
    }
}
