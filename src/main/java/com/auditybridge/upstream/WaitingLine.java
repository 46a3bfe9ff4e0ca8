package com.auditybridge.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The calls of one budget held back on this replica, by {@link Precedence rank}, each with when it comes back.
 * <p>
 * Without a line, every call held back by an empty bucket comes back at the instant the bucket frees its next token,
 * and whichever reaches the bucket first wins it, often not the oldest. With it, a held-back call comes back when its
 * turn is due: when the bucket frees a token, plus one refill interval for each older call waiting before it; and a
 * call that comes back while an older one is due (or about to be) steps aside for {@link #GONE_AFTER} and lets that one
 * go first. So the tokens go to the oldest runs, one at a time.
 * <p>
 * The line is this replica's: replicas sharing a budget still compete for it, each with its oldest, and a run held
 * here may come back on another replica (any replica executes any due step). So a call more than {@link #GONE_AFTER}
 * past its time is taken for gone: it holds nobody back and counts in nobody's place, and a step that came back late
 * loses no more than that.
 */
final class WaitingLine {
    /** Longer than a due step takes to be picked up (the scheduler polls every second by default). */
    static final Duration GONE_AFTER = Duration.ofSeconds(2);

    private final ConcurrentSkipListMap<Long, Instant> waiting = new ConcurrentSkipListMap<>();

    /**
     * Whether a call older than {@code rank} comes back before {@code soon}: the next token is its. If so, the call of
     * {@code rank} steps aside and answers when it comes back, else nothing.
     */
    Optional<Instant> stepAside(long rank, Instant soon, Instant now) {
        Instant gone = now.minus(GONE_AFTER);
        boolean olderDue =
                waiting.headMap(rank).values().stream().anyMatch(back -> back.isBefore(soon) && back.isAfter(gone));
        if (!olderDue) {
            return Optional.empty();
        }
        Instant back = now.plus(GONE_AFTER);
        waiting.put(rank, back);
        return Optional.of(back);
    }

    /**
     * Puts the call of {@code rank} in the line: it comes back at {@code free} (when the bucket frees a token) plus an
     * {@code interval} for each older call waiting. Answers when.
     */
    Instant enter(long rank, Instant free, Duration interval, Instant now) {
        Instant gone = now.minus(GONE_AFTER);
        waiting.values().removeIf(back -> back.isBefore(gone));
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
}
