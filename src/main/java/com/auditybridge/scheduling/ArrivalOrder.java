package com.auditybridge.scheduling;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

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
        // Two billion runs later the order starts over from the lowest priority; nothing breaks but the order.
        return (int) -(next % Integer.MAX_VALUE);
    }
}
