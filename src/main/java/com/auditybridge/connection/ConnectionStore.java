package com.auditybridge.connection;

import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code bridge_connection} table: tokens and secrets go in sealed and come out opened. */
@Singleton
public class ConnectionStore {
    private static final String COLUMNS = "name, audity_token, repo_audit_token, signing_secret, requests_per_minute,"
            + " lead_min_score, lead_max_age_days, lead_max_per_day, lead_credit_floor, callback_private_networks,"
            + " include_parts";
    private final JdbcOperations jdbc;
    private final SecretBox box;
    private final ConnectionCache cache;

    public ConnectionStore(JdbcOperations jdbc, SecretBox box, ConnectionCache cache) {
        this.jdbc = jdbc;
        this.box = box;
        this.cache = cache;
    }

    @Transactional
    public void insert(ManagedConnection c) {
        cache.forget();
        Sql.update(
                jdbc,
                "insert into bridge_connection (" + COLUMNS
                        + ", created_at, updated_at, id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                values(c, c.createdAt(), c.updatedAt(), c.id()));
    }

    @Transactional
    public void replace(ManagedConnection c) {
        cache.forget();
        Sql.update(
                jdbc,
                "update bridge_connection set " + COLUMNS.replace(",", " = ?,") + " = ?, updated_at = ? where id = ?",
                values(c, c.updatedAt(), c.id()));
    }

    @Transactional
    public boolean delete(String id) {
        cache.forget();
        return Sql.update(jdbc, "delete from bridge_connection where id = ?", id) == 1;
    }

    @Transactional
    public Optional<ManagedConnection> find(String id) {
        return query("select * from bridge_connection where id = ?", id).stream()
                .findFirst();
    }

    @Transactional
    public List<ManagedConnection> all() {
        return query("select * from bridge_connection order by created_at, id");
    }

    private Object[] values(ManagedConnection c, Object... tail) {
        LeadSyncRules r = c.leadSync();
        Object[] head = {
            c.name(),
            box.seal(c.audityToken()),
            c.repoAuditToken() == null ? null : box.seal(c.repoAuditToken()),
            box.seal(c.signingSecret()),
            c.requestsPerMinute(),
            r == null ? null : r.minScore(),
            r == null ? null : (int) r.maxAge().toDays(),
            r == null ? null : r.maxPerDay(),
            r == null ? null : r.creditFloor(),
            c.privateNetworks().joined(),
            AuditPart.joined(c.include())
        };
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private ManagedConnection read(ResultSet rs) throws SQLException {
        Integer maxAgeDays = Sql.integer(rs, "lead_max_age_days");
        LeadSyncRules rules = maxAgeDays == null
                ? null
                : new LeadSyncRules(
                        rs.getDouble("lead_min_score"),
                        Duration.ofDays(maxAgeDays),
                        rs.getInt("lead_max_per_day"),
                        rs.getLong("lead_credit_floor"));
        return new ManagedConnection(
                rs.getString("id"),
                rs.getString("name"),
                box.open(rs.getString("audity_token")),
                box.open(rs.getString("repo_audit_token")),
                box.open(rs.getString("signing_secret")),
                Sql.integer(rs, "requests_per_minute"),
                rules,
                PrivateNetworks.parse(rs.getString("callback_private_networks")),
                AuditPart.parse(rs.getString("include_parts")),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private List<ManagedConnection> query(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, args);
            List<ManagedConnection> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }
}
