package com.auditybridge.connection;

import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What {@link Connections} read of managed connections, kept for {@link ConnectionCacheSettings#cacheTtl}: a
 * connection by id (its row read and its three secrets opened), and the connection a key's digest belongs to. A key
 * nobody has is not kept, so a key issued a moment ago works at once. Every change of a connection or a key on this
 * replica forgets everything, so it takes effect here at once; other replicas see it when their entries expire.
 */
@Singleton
public class ConnectionCache {
    /** More entries than this (keys are cheap to forge): everything is forgotten rather than kept growing. */
    static final int MOST_ENTRIES = 10_000;

    private final Clock clock;
    private final ConnectionCacheSettings settings;
    private final Map<String, Kept<Optional<ManagedConnection>>> byId = new ConcurrentHashMap<>();
    private final Map<String, Kept<String>> byKeyDigest = new ConcurrentHashMap<>();

    public ConnectionCache(Clock clock, ConnectionCacheSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    private record Kept<T>(T value, byte[] digest, Instant until) {}

    /** The managed connection {@code id}, or none, read with {@code read} when not kept or expired. */
    Optional<ManagedConnection> connection(String id, Supplier<Optional<ManagedConnection>> read) {
        Instant now = clock.instant();
        Kept<Optional<ManagedConnection>> kept = byId.get(id);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.value();
        }
        Optional<ManagedConnection> found = read.get();
        keep(byId, id, new Kept<>(found, null, now.plus(settings.cacheTtl())));
        return found;
    }

    /** The connection id of the key whose SHA-256 is {@code digest}, read with {@code read} when not kept. */
    Optional<String> connectionIdOfKey(byte[] digest, Supplier<Optional<String>> read) {
        Instant now = clock.instant();
        String name = HexFormat.of().formatHex(digest);
        Kept<String> kept = byKeyDigest.get(name);
        if (kept != null && now.isBefore(kept.until()) && MessageDigest.isEqual(kept.digest(), digest)) {
            return Optional.of(kept.value());
        }
        Optional<String> found = read.get();
        found.ifPresent(id -> keep(byKeyDigest, name, new Kept<>(id, digest, now.plus(settings.cacheTtl()))));
        return found;
    }

    /** Forgets everything: a connection or a key changed. */
    void forget() {
        byId.clear();
        byKeyDigest.clear();
    }

    private <T> void keep(Map<String, Kept<T>> map, String name, Kept<T> kept) {
        if (settings.cacheTtl().isZero() || settings.cacheTtl().isNegative()) {
            return;
        }
        if (map.size() >= MOST_ENTRIES) {
            map.clear();
        }
        map.put(name, kept);
    }
}
