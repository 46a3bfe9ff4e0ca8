package com.auditybridge.upstream;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Who goes first when a budget runs short. The upstream calls a thread makes inside {@link #of} carry its rank, and
 * a lower rank goes first: a run's place in arrival order, so that under a backlog started runs finish before new ones
 * spend (see {@link WaitingLine}). A call made outside carries no rank and waits for no turn.
 */
public final class Precedence {
    private static final ThreadLocal<Long> RANK = new ThreadLocal<>();

    private Precedence() {}

    /** Does {@code work} with {@code rank} on this thread's upstream calls. */
    public static <T> T of(long rank, Supplier<T> work) {
        Long outer = RANK.get();
        RANK.set(rank);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                RANK.remove();
            } else {
                RANK.set(outer);
            }
        }
    }

    /** The rank this thread's work was given, if any. */
    public static OptionalLong current() {
        Long rank = RANK.get();
        return rank == null ? OptionalLong.empty() : OptionalLong.of(rank);
    }
}
