package com.auditybridge.ops;

import io.micronaut.context.BeanProvider;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The db-scheduler queue as seen from its table: how many executions are due and not picked, and how
 * long the oldest has waited. One indexed query, re-read at most every 15 seconds whatever the scrape rate.
 */
@Singleton
public class SchedulerBacklog {
    static final Duration REFRESH = Duration.ofSeconds(15);

    public record Snapshot(long due, Duration oldestDueAge, Instant readAt) {}

    /** Looked up at first read: the metrics binder is made while the data source itself is being made. */
    private final BeanProvider<ConnectionOperations<Connection>> connections;

    private final Clock clock;
    private volatile Snapshot last;

    public SchedulerBacklog(BeanProvider<ConnectionOperations<Connection>> connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    public Snapshot now() {
        Instant now = clock.instant();
        Snapshot snapshot = last;
        if (snapshot == null
                || !snapshot.readAt().plus(REFRESH).isAfter(now)
                || snapshot.readAt().isAfter(now)) {
            snapshot = read(now);
            last = snapshot;
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        return connections.get().executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement(
                            "select count(*), min(execution_time) from scheduled_tasks where picked = false and execution_time <= ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp oldest = rs.getTimestamp(2);
                    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
                    return new Snapshot(rs.getLong(1), age.isNegative() ? Duration.ZERO : age, now);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
