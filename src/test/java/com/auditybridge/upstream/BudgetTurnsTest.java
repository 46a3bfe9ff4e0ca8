package com.auditybridge.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Under a backlog a budget's tokens go to the oldest runs first: held-back calls come back in turn, not all at the
 * instant a token frees. Each run here needs two calls in a row (a convert, then a trigger); every call held back
 * comes back when the budget said, and calls coming back at the same instant are tried youngest first, the order
 * that would hurt most.
 */
class BudgetTurnsTest {
    private static final BucketShape WRITES = BucketShape.of(20, 2, Duration.ofMillis(500));
    private static final BudgetKey KEY = BudgetKey.upstream(CallClass.AUDITY_WRITE, "fp", WRITES);

    private final MutableClock clock = new MutableClock();
    private final Budgets budgets = new Budgets(BudgetStoreFactory.inMemory(clock), clock, new SimpleMeterRegistry());

    @Test
    void runsThatStartedTogetherFinishInArrivalOrder() {
        List<Long> finished =
                drive(IntStream.rangeClosed(1, 12).mapToObj(i -> (long) i).toList(), 2);

        assertThat(finished).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void runsThatAskInAShuffledOrderStillFinishInArrivalOrder() {
        List<Long> finished = drive(List.of(7L, 3L, 12L, 1L, 9L, 5L, 2L, 11L, 4L, 10L, 6L, 8L), 2);

        assertThat(finished).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void takingTurnsWastesNoTokens() {
        drive(IntStream.rangeClosed(1, 12).mapToObj(i -> (long) i).toList(), 2);

        // The burst was spent before: 24 calls at the steady pace of one a refill interval (and the few milliseconds
        // each wait is rounded up by), not a token later.
        Duration spent = Duration.between(MutableClock.START, clock.instant());
        Duration steady = WRITES.interval().multipliedBy(24);
        assertThat(spent).isBetween(steady, steady.plusMillis(24 * 3));
    }

    @Test
    void aCallWithoutARankTakesNoTurn() {
        budgets.take(KEY);
        budgets.take(KEY);
        Duration ranked = Precedence.of(1, () -> budgets.take(KEY));
        clock.advance(ranked);

        assertThat(budgets.take(KEY)).isZero();
    }

    @Test
    void aTurnNeverTakenHoldsNobodyBackForEver() {
        budgets.take(KEY);
        budgets.take(KEY);
        Duration oldest = Precedence.of(1, () -> budgets.take(KEY));
        Duration younger = Precedence.of(2, () -> budgets.take(KEY));
        assertThat(younger).isGreaterThan(oldest);

        // The oldest never comes back (its run was cancelled): once it is overdue, the younger goes.
        clock.advance(oldest.plus(WaitingLine.GONE_AFTER).plusSeconds(1));

        assertThat(Precedence.of(2, () -> budgets.take(KEY))).isZero();
    }

    /**
     * Runs of the given ranks each make {@code calls} calls of one budget, in the order given, all starting now; a
     * call held back comes back when it was told. Answers the ranks in the order their last call went.
     */
    private List<Long> drive(List<Long> ranks, int calls) {
        budgets.take(KEY);
        budgets.take(KEY);
        Map<Long, Integer> done = new HashMap<>();
        List<Long> finished = new ArrayList<>();
        // Due first; at one instant the youngest first.
        PriorityQueue<Map.Entry<Instant, Long>> due =
                new PriorityQueue<>(Comparator.<Map.Entry<Instant, Long>, Instant>comparing(Map.Entry::getKey)
                        .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()));
        ranks.forEach(rank -> due.add(Map.entry(clock.instant(), rank)));
        while (!due.isEmpty()) {
            Map.Entry<Instant, Long> next = due.poll();
            clock.set(next.getKey());
            long rank = next.getValue();
            Duration wait = Precedence.of(rank, () -> budgets.take(KEY));
            if (wait.isZero() && done.merge(rank, 1, Integer::sum) == calls) {
                finished.add(rank);
            } else {
                due.add(Map.entry(clock.instant().plus(wait), rank));
            }
        }
        return finished;
    }
}
