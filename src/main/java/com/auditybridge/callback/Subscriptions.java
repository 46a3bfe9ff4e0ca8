package com.auditybridge.callback;

import com.auditybridge.connection.SecretBox;
import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions per connection; each has its own signing secret, stored sealed (see {@link SecretBox}). */
@Singleton
public class Subscriptions {
    private final JdbcOperations jdbc;
    private final SecretBox box;

    public Subscriptions(JdbcOperations jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    public record Created(String id, String secret) {
        @Override
        public String toString() {
            return "Created[" + id + ", secret hidden]";
        }
    }

    @Transactional
    public Created create(String connectionId, String targetUrl, List<String> events, Instant now) {
        Created created = new Created(UUID.randomUUID().toString(), WebhookSignature.newSecret());
        update(
                "insert into subscription (id, connection_id, target_url, events, secret, created_at) values (?,?,?,?,?,?)",
                created.id(),
                connectionId,
                targetUrl,
                String.join(",", events),
                box.seal(created.secret()),
                now);
        return created;
    }

    @Transactional
    public List<Subscription> list(String connectionId) {
        return query("select * from subscription where connection_id = ? order by created_at, id", connectionId);
    }

    /** The connection's subscription of this id; empty for another connection's. */
    @Transactional
    public Optional<Subscription> find(String connectionId, String id) {
        return query("select * from subscription where id = ? and connection_id = ?", id, connectionId).stream()
                .findFirst();
    }

    private List<Subscription> query(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, args);
            List<Subscription> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Subscription(
                            rs.getString("id"),
                            rs.getString("target_url"),
                            Arrays.asList(rs.getString("events").split(",")),
                            Sql.instant(rs, "created_at")));
                }
            }
            return out;
        });
    }

    /** Deletes it; its deliveries not yet made are cancelled when they come due. */
    @Transactional
    public boolean remove(String connectionId, String id) {
        return update("delete from subscription where id = ? and connection_id = ?", id, connectionId) == 1;
    }

    private int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, args);
            return ps.executeUpdate();
        });
    }
}
