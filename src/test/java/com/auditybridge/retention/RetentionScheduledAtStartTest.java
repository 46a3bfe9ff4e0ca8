package com.auditybridge.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The real scheduler (not the tests' manual one), as the service starts it: the retention task is put on its schedule
 * by the start alone, runs at once and is due again {@code every} later. The other retention tests schedule the task
 * themselves; before this was checked, nothing scheduled it in the service (bench/soak-long.sh found the tables
 * growing with retention set to minutes).
 */
@MicronautTest(transactional = false)
@Property(name = "bridge.retention.every", value = "7m")
class RetentionScheduledAtStartTest {
    @Inject
    DataSource dataSource;

    @Test
    void theServiceStartPutsRetentionOnItsScheduleAndItRunsAtOnce() {
        Instant started = Instant.now();

        Timestamp[] row = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(this::retentionRow, r -> r != null && r[0] != null);

        assertThat(row[0])
                .as("retention executed once after the start, with nobody scheduling it")
                .isNotNull();
        assertThat(row[1].toInstant())
                .as("and is due again bridge.retention.every later")
                .isAfter(started.plus(Duration.ofMinutes(6)));
    }

    /** The retention task's last success and next execution, or null while the table or the row is not there yet. */
    private Timestamp[] retentionRow() {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select last_success, execution_time from scheduled_tasks where task_name = ? and task_instance = ?")) {
            ps.setString(1, RetentionTask.NAME);
            ps.setString(2, RetentionTask.instance().getId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)} : null;
            }
        } catch (SQLException migrationsStillRunning) {
            return null;
        }
    }
}
