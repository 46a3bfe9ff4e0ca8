package com.auditybridge.scheduling;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Arrays;

/**
 * The priority that hands work out oldest first: db-scheduler runs due work by priority (highest first), and each
 * call answers minus the next number of {@code run_order_seq}, shared by all replicas. Other tasks (deliveries,
 * retention, lead sync) keep db-scheduler's default of 50, above every run.
 */
@Singleton
public class ArrivalOrder {
    private final JdbcOperations jdbc;

    public ArrivalOrder(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public int nextPriority() {
        long next = jdbc.prepareStatement("select nextval('run_order_seq')", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return priority(next);
    }

    /** The next {@code count} priorities, oldest first, in one round trip. */
    public int[] nextPriorities(int count) {
        long[] next = jdbc.prepareStatement("select nextval('run_order_seq') from generate_series(1, ?)", ps -> {
            ps.setInt(1, count);
            long[] numbers = new long[count];
            try (var rs = ps.executeQuery()) {
                for (int i = 0; i < count && rs.next(); i++) {
                    numbers[i] = rs.getLong(1);
                }
            }
            return numbers;
        });
        Arrays.sort(next);
        return Arrays.stream(next).mapToInt(ArrivalOrder::priority).toArray();
    }

    private static int priority(long next) {
        // Two billion runs later the order starts over from the lowest priority; nothing breaks but the order.
        return (int) -(next % Integer.MAX_VALUE);
    }
}
