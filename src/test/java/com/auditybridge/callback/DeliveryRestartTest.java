package com.auditybridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.MutableClock;
import com.auditybridge.testing.TestDatabase;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service stops in the middle of a retry ladder; a new one on the same database finishes the delivery. */
class DeliveryRestartTest {

    @Test
    void aRestartDuringTheRetryLadderLosesNoDelivery() {
        try (TestDatabase database = TestDatabase.onDisk(Path.of("target", "restart-" + UUID.randomUUID()))) {
            restartDuringTheLadder(database);
        }
    }

    private static void restartDuringTheLadder(TestDatabase database) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.putAll(Map.of(
                "test.scheduler",
                "manual",
                "test.clock",
                "mutable",
                "bridge.allow-private-callbacks",
                "true",
                "micronaut.server.port",
                "-1"));
        try (TestReceiver receiver = new TestReceiver().answer(TestReceiver.Answer.of(503))) {
            String id;
            try (ApplicationContext first = ApplicationContext.run(properties, "test", "sim")) {
                id = emit(first, receiver.url("/hook"));
                first.getBean(ManualScheduler.class).runAnyDueExecutions();
                assertThat(first.getBean(DeliveryStore.class)
                                .find(id)
                                .orElseThrow()
                                .attempts())
                        .isEqualTo(1);
            }
            try (ApplicationContext second = ApplicationContext.run(properties, "test", "sim")) {
                second.getBean(MutableClock.class).advance(Duration.ofMinutes(1));
                second.getBean(ManualScheduler.class).runAnyDueExecutions();

                Delivery after = second.getBean(DeliveryStore.class).find(id).orElseThrow();
                assertThat(after.status()).isEqualTo(DeliveryStatus.DELIVERED);
                assertThat(after.attempts()).isEqualTo(2);
            }
            assertThat(receiver.received)
                    .extracting(r -> r.header("webhook-id"))
                    .hasSize(2)
                    .containsOnly(id);
        }
    }

    @SuppressWarnings("unchecked")
    private static String emit(ApplicationContext context, String url) {
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        EventOutbox outbox = context.getBean(EventOutbox.class);
        MutableClock clock = context.getBean(MutableClock.class);
        String eventId = tx.executeWrite(
                s -> outbox.emit("default", null, "audit.completed", Map.of(), url, true, clock.instant()));
        return tx.executeRead(s -> context.getBean(io.micronaut.data.jdbc.runtime.JdbcOperations.class)
                .prepareStatement("select id from delivery where event_id = ?", ps -> {
                    ps.setString(1, eventId);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }));
    }
}
