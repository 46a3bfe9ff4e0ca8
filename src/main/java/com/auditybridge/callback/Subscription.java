package com.auditybridge.callback;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A REST-hook subscription as listed (its secret is shown only when it is created). */
@Serdeable
public record Subscription(String id, String targetUrl, List<String> events, Instant createdAt) {

    public static final String ANY = "*";

    public boolean wants(String eventType) {
        return events.contains(ANY) || events.contains(eventType);
    }
}
