package com.auditybridge.run;

import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Idempotency-Key records per connection (IETF httpapi draft): key → body digest → run. */
@Singleton
public class IdempotencyKeys {
    private final JdbcOperations jdbc;

    public IdempotencyKeys(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(String requestHash, String runId, Instant createdAt) {}

    Optional<Entry> find(String connectionId, String key) {
        return jdbc.prepareStatement(
                "select request_hash, run_id, created_at from idempotency_key"
                        + " where connection_id = ? and idem_key = ?",
                ps -> {
                    Sql.bind(ps, connectionId, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(
                                        new Entry(rs.getString(1), rs.getString(2), Sql.instant(rs, "created_at")))
                                : Optional.<Entry>empty();
                    }
                });
    }

    void insert(String connectionId, String key, String requestHash, String runId, Instant now) {
        Sql.update(
                jdbc,
                "insert into idempotency_key (connection_id, idem_key, request_hash, run_id, created_at)"
                        + " values (?,?,?,?,?)",
                connectionId,
                key,
                requestHash,
                runId,
                now);
    }

    /** An expired key is forgotten, so the same key may start a new run. */
    void forget(String connectionId, String key) {
        Sql.update(jdbc, "delete from idempotency_key where connection_id = ? and idem_key = ?", connectionId, key);
    }
}
