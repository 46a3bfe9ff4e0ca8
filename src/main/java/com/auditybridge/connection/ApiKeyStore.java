package com.auditybridge.connection;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code api_key} table: a key is stored as its SHA-256 and found by it (see {@link Digests}). */
@Singleton
public class ApiKeyStore {
    private final ApiKeyRows rows;
    private final ConnectionCache cache;

    ApiKeyStore(ApiKeyRows rows, ConnectionCache cache) {
        this.rows = rows;
        this.cache = cache;
    }

    /** A new key for the connection; the key itself is in the answer and nowhere else. */
    @Transactional
    public NewApiKey issue(String connectionId, Instant now) {
        String key = Digests.newApiKey();
        String id = UUID.randomUUID().toString();
        ApiKeyRows.Row row =
                rows.save(new ApiKeyRows.Row(id, connectionId, Digests.sha256Hex(key), Digests.shownPrefix(key), now));
        return new NewApiKey(row.shown(), key);
    }

    /** The connection id of a presented key; the stored digest is compared again in constant time. */
    @Transactional
    public Optional<String> connectionOf(String presentedKey) {
        byte[] presented = Digests.sha256(presentedKey);
        return rows.findByKeyHash(HexFormat.of().formatHex(presented))
                .filter(row -> MessageDigest.isEqual(HexFormat.of().parseHex(row.keyHash()), presented))
                .map(ApiKeyRows.Row::connectionId);
    }

    @Transactional
    public List<ApiKeyRow> of(String connectionId) {
        return rows.findByConnectionIdOrderByCreatedAtAndId(connectionId).stream()
                .map(ApiKeyRows.Row::shown)
                .toList();
    }

    @Transactional
    public boolean revoke(String connectionId, String keyId) {
        cache.forget();
        return rows.deleteByIdAndConnectionId(keyId, connectionId) == 1;
    }

    /** A key just issued: shown once, in the answer that created it. */
    public record NewApiKey(ApiKeyRow row, String key) {
        @Override
        public String toString() {
            return "NewApiKey[" + row.id() + ", " + row.prefix() + "…]";
        }
    }
}
