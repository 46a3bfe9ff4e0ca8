package com.auditybridge.callback;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Deliveries against a real local receiver, with time and the scheduler in the test's hands. */
abstract class DeliveryTestBase extends BridgeTestBase {
    static final String DEMO_SECRET = "whsec_ZGVtby1zaWduaW5nLXNlY3JldC1zaW11bGF0b3Itb25seQ==";

    @Inject
    EventOutbox outbox;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    io.micronaut.data.jdbc.runtime.JdbcOperations jdbc;

    TestReceiver receiver;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("bridge.callbacks.timeout", "1s");
        return properties;
    }

    @BeforeEach
    void openReceiver() {
        receiver = new TestReceiver();
    }

    /** A subscription of an earlier test would take deliveries (to a receiver closed since). */
    @BeforeEach
    void noSubscriptions() {
        transactions.executeWrite(
                status -> jdbc.prepareStatement("delete from subscription", ps -> ps.executeUpdate()));
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    /** Emits an event to {@code url} (and to matching subscriptions); answers the event id. */
    String emitEvent(String connectionId, String type, String url, boolean finalCallback) {
        return transactions.executeWrite(status ->
                outbox.emit(connectionId, null, type, Map.of("runId", "r-1"), url, finalCallback, clock.instant()));
    }

    /** Emits an event to {@code url}; answers the id of its delivery there. */
    String emit(String url, boolean finalCallback) {
        return deliveriesOf(emitEvent("default", "audit.completed", url, finalCallback))
                .get(0);
    }

    List<String> deliveriesOf(String eventId) {
        return transactions.executeRead(status -> jdbc.prepareStatement(
                "select id from delivery where event_id = ? order by subscription_id nulls first", ps -> {
                    ps.setString(1, eventId);
                    List<String> ids = new java.util.ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                    return ids;
                }));
    }

    Reply delivery(String id) {
        return call(HttpRequest.GET("/v1/deliveries/" + id).bearerAuth(API_KEY));
    }

    Reply post(String path, String body) {
        return call(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(API_KEY));
    }

    /** Moves the clock to the delivery's next attempt and runs what is due; answers the delivery after it. */
    Reply attemptDue(String id) {
        String next = delivery(id).text("nextAttemptAt");
        if (next != null && Instant.parse(next).isAfter(clock.instant())) {
            clock.set(Instant.parse(next));
        }
        scheduler.runAnyDueExecutions();
        return delivery(id);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> attempts(Reply delivery) {
        return (List<Map<String, Object>>) delivery.at("attemptLog");
    }
}
