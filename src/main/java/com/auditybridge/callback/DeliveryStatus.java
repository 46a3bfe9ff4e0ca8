package com.auditybridge.callback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A delivery's life: {@code pending} (an attempt is due at {@code next_attempt_at}), then one of
 * {@code delivered} (a 2xx), {@code dead} (ladder exhausted, 404 — or 409 after the first attempt — from a one-shot
 * final callback, or an attempt that kept failing inside the bridge, its cause in {@code last_error}),
 * {@code gone} (410 from a subscription target: the subscription was removed) or {@code cancelled}
 * (its subscription was deleted before it could go out).
 */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    DEAD,
    GONE,
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
