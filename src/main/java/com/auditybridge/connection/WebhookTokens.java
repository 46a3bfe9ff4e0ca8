package com.auditybridge.connection;

import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code webhook_token} table: one token per connection for Audity's own webhooks, kept as its SHA-256 and
 * found by it, like API keys. A leaked one can only post Audity events for its connection: wake runs that poll,
 * or start a lead sync that the connection's rules already cap.
 */
@Singleton
public class WebhookTokens {
    static final String PREFIX = "awh_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcOperations jdbc;

    public WebhookTokens(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the connection, replacing its previous one; the token itself is in the answer only. */
    @Transactional
    public NewWebhookToken rotate(String connectionId, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        delete(connectionId);
        Sql.update(
                jdbc,
                "insert into webhook_token (connection_id, token_hash, prefix, created_at) values (?,?,?,?)",
                connectionId,
                Digests.sha256Hex(token),
                Digests.shownPrefix(token),
                now);
        return new NewWebhookToken(connectionId, token, Digests.shownPrefix(token), now);
    }

    /** The connection of a presented token; the stored digest is compared again in constant time. */
    @Transactional
    public Optional<String> connectionOf(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] digest = Digests.sha256(presented);
        return jdbc.prepareStatement("select connection_id, token_hash from webhook_token where token_hash = ?", ps -> {
            ps.setString(1, HexFormat.of().formatHex(digest));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && MessageDigest.isEqual(HexFormat.of().parseHex(rs.getString("token_hash")), digest)
                        ? Optional.of(rs.getString("connection_id"))
                        : Optional.<String>empty();
            }
        });
    }

    @Transactional
    public void delete(String connectionId) {
        Sql.update(jdbc, "delete from webhook_token where connection_id = ?", connectionId);
    }

    /** A token as issued: shown this once. */
    public record NewWebhookToken(String connectionId, String token, String prefix, Instant createdAt) {}
}
