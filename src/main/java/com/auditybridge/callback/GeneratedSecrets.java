package com.auditybridge.callback;

import com.auditybridge.connection.SecretBox;
import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * Signing secrets the bridge made itself for connections that configured none: stored sealed (see
 * {@link SecretBox}) in {@code signing_secret}, handed out once ({@link #revealOnce}) and never logged.
 */
@Singleton
public class GeneratedSecrets {
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final SecretBox box;

    public GeneratedSecrets(JdbcOperations jdbc, Clock clock, SecretBox box) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.box = box;
    }

    /** The connection's generated secret, made now if it has none (a race between replicas keeps the first). */
    @Transactional
    public String ensure(String connectionId) {
        return find(connectionId).orElseGet(() -> {
            Sql.update(
                    jdbc,
                    "insert into signing_secret (connection_id, secret, shown, created_at)"
                            + " values (?,?,false,?) on conflict do nothing",
                    connectionId,
                    box.seal(WebhookSignature.newSecret()),
                    clock.instant());
            return find(connectionId).orElseThrow();
        });
    }

    @Transactional
    public boolean exists(String connectionId) {
        return find(connectionId).isPresent();
    }

    /** The secret, the first time only: later calls (and other replicas) get empty. */
    @Transactional
    public Optional<String> revealOnce(String connectionId) {
        int marked = Sql.update(
                jdbc, "update signing_secret set shown = true where connection_id = ? and shown = false", connectionId);
        return marked == 1 ? find(connectionId) : Optional.empty();
    }

    private Optional<String> find(String connectionId) {
        return jdbc.prepareStatement("select secret from signing_secret where connection_id = ?", ps -> {
            ps.setString(1, connectionId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(box.open(rs.getString(1))) : Optional.<String>empty();
            }
        });
    }
}
