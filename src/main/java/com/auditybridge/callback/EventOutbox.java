package com.auditybridge.callback;

import com.auditybridge.db.Sql;
import com.auditybridge.upstream.RawJson;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes outbound events and their pending deliveries. Called inside the transaction that changes
 * the run, so an event exists exactly when the state it reports was committed. An event's body is what every one of
 * its deliveries sends, so it is kept within {@code bridge.callbacks.max-body-bytes} here, once.
 */
@Singleton
public class EventOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(EventOutbox.class);
    /** The member of {@code data} that names the documents left out of a body that would have been too large. */
    public static final String OMITTED = "omitted";

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Subscriptions subscriptions;
    private final DeliveryQueue queue;
    private final RetryLadder ladder;
    private final CallbackSettings settings;

    public EventOutbox(
            JdbcOperations jdbc,
            JsonMapper json,
            Subscriptions subscriptions,
            DeliveryQueue queue,
            RetryLadder ladder,
            CallbackSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.ladder = ladder;
        this.settings = settings;
    }

    /** An event without documents. */
    public String emit(
            String connectionId,
            String runId,
            String type,
            Map<String, Object> data,
            String targetUrl,
            boolean finalCallback,
            Instant now) {
        return emit(connectionId, runId, type, data, Map.of(), targetUrl, finalCallback, now);
    }

    /**
     * @param documents     members of {@code data} written exactly as an upstream answered them, in the order they are
     *                      kept: when the body would exceed {@code bridge.callbacks.max-body-bytes} they are left out,
     *                      the last first, until it fits, and {@code data.omitted} names them (in this order)
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
            Map<String, RawJson> documents,
            String targetUrl,
            boolean finalCallback,
            Instant now) {
        String eventId = UUID.randomUUID().toString();
        Sql.update(
                jdbc,
                "insert into event (id, connection_id, run_id, type, payload, created_at) values (?,?,?,?,?,?)",
                eventId,
                connectionId,
                runId,
                type,
                body(type, now, data, documents),
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

    /** The event's body, within the size limit if leaving documents out can make it so. */
    private String body(String type, Instant now, Map<String, Object> data, Map<String, RawJson> documents) {
        List<String> kept = new ArrayList<>(documents.keySet());
        String body = body(type, now, data, documents, kept);
        while (tooLarge(body) && !kept.isEmpty()) {
            kept.remove(kept.size() - 1);
            body = body(type, now, data, documents, kept);
        }
        if (tooLarge(body)) {
            LOG.warn(
                    "a {} event of {} bytes is larger than bridge.callbacks.max-body-bytes ({}) with nothing left to"
                            + " leave out: it is sent as it is",
                    type,
                    body.getBytes(StandardCharsets.UTF_8).length,
                    settings.maxBodyBytes());
        }
        return body;
    }

    private String body(
            String type, Instant now, Map<String, Object> data, Map<String, RawJson> documents, List<String> kept) {
        Map<String, Object> full = new LinkedHashMap<>(data);
        List<String> omitted = new ArrayList<>();
        documents.forEach((name, document) -> {
            if (kept.contains(name)) {
                full.put(name, document);
            } else {
                omitted.add(name);
            }
        });
        if (!omitted.isEmpty()) {
            full.put(OMITTED, omitted);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", now.toString());
        payload.put("data", full);
        return RawJson.write(json, payload);
    }

    private boolean tooLarge(String body) {
        return body.getBytes(StandardCharsets.UTF_8).length > settings.maxBodyBytes();
    }
}
