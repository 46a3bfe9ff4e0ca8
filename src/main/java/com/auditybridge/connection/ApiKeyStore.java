package com.auditybridge.connection;

import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code api_key} table: a key is stored as its SHA-256 and found by it (see {@link Digests}). */
@Singleton
public class ApiKeyStore {
    private final JdbcOperations jdbc;

    public ApiKeyStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A new key for the connection; the key itself is in the answer and nowhere else. */
    @Transactional
    public NewApiKey issue(String connectionId, Instant now) {
        String key = Digests.newApiKey();
        ApiKeyRow row = new ApiKeyRow(UUID.randomUUID().toString(), connectionId, Digests.shownPrefix(key), now);
        Sql.update(
                jdbc,
                "insert into api_key (id, connection_id, key_hash, prefix, created_at) values (?,?,?,?,?)",
                row.id(),
                connectionId,
                Digests.sha256Hex(key),
                row.prefix(),
                now);
        return new NewApiKey(row, key);
    }

    /** The connection id of a presented key; the stored digest is compared again in constant time. */
    @Transactional
    public Optional<String> connectionOf(String presentedKey) {
        byte[] presented = Digests.sha256(presentedKey);
        return jdbc.prepareStatement("select connection_id, key_hash from api_key where key_hash = ?", ps -> {
            ps.setString(1, HexFormat.of().formatHex(presented));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && MessageDigest.isEqual(HexFormat.of().parseHex(rs.getString("key_hash")), presented)
                        ? Optional.of(rs.getString("connection_id"))
                        : Optional.<String>empty();
            }
        });
    }

    @Transactional
    public List<ApiKeyRow> of(String connectionId) {
        return jdbc.prepareStatement("select * from api_key where connection_id = ? order by created_at, id", ps -> {
            ps.setString(1, connectionId);
            List<ApiKeyRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ApiKeyRow(
                            rs.getString("id"), connectionId, rs.getString("prefix"), Sql.instant(rs, "created_at")));
                }
            }
            return out;
        });
    }

    @Transactional
    public boolean revoke(String connectionId, String keyId) {
        return Sql.update(jdbc, "delete from api_key where id = ? and connection_id = ?", keyId, connectionId) == 1;
    }

    /** A key just issued: shown once, in the answer that created it. */
    public record NewApiKey(ApiKeyRow row, String key) {
        @Override
        public String toString() {
            return "NewApiKey[" + row.id() + ", " + row.prefix() + "…]";
        }
    }
}
