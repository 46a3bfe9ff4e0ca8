package com.auditybridge.callback;

import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes outbound events and their pending deliveries. Called inside the transaction that changes
 * the run, so an event exists exactly when the state it reports was committed.
 */
@Singleton
public class EventOutbox {
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Subscriptions subscriptions;
    private final DeliveryQueue queue;
    private final RetryLadder ladder;

    public EventOutbox(
            JdbcOperations jdbc,
            JsonMapper json,
            Subscriptions subscriptions,
            DeliveryQueue queue,
            RetryLadder ladder) {
        this.jdbc = jdbc;
        this.json = json;
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.ladder = ladder;
    }

    /**
     * @param targetUrl     where to deliver it directly (a run's callback URL), or null
     * @param finalCallback true for the one final event of a run
     * @return the event id; a delivery is queued to the target and to every subscription of the
     *         connection that wants this event type
     */
    public String emit(
            String connectionId,
            String runId,
            String type,
            Map<String, Object> data,
            String targetUrl,
            boolean finalCallback,
            Instant now) {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", now.toString());
        payload.put("data", data);
        Sql.update(
                jdbc,
                "insert into event (id, connection_id, run_id, type, payload, created_at) values (?,?,?,?,?,?)",
                eventId,
                connectionId,
                runId,
                type,
                write(payload),
                now);
        if (targetUrl != null) {
            addDelivery(eventId, connectionId, runId, targetUrl, null, finalCallback, now);
        }
        for (Subscription subscription : subscriptions.list(connectionId)) {
            if (subscription.wants(type)) {
                addDelivery(eventId, connectionId, runId, subscription.targetUrl(), subscription.id(), false, now);
            }
        }
        return eventId;
    }

    private void addDelivery(
            String eventId,
            String connectionId,
            String runId,
            String targetUrl,
            String subscriptionId,
            boolean finalCallback,
            Instant now) {
        String deliveryId = UUID.randomUUID().toString();
        Instant due = now.plus(ladder.first());
        Sql.update(
                jdbc,
                "insert into delivery (id, event_id, connection_id, run_id, target_url, subscription_id, final_callback,"
                        + " status, attempts, next_attempt_at, created_at, updated_at) values (?,?,?,?,?,?,?,'pending',0,?,?,?)",
                deliveryId,
                eventId,
                connectionId,
                runId,
                targetUrl,
                subscriptionId,
                finalCallback,
                due,
                now,
                now);
        queue.enqueue(deliveryId, due);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
