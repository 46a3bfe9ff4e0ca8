package com.auditybridge.callback;

import com.auditybridge.db.Bounded;
import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deliveries and their attempts in the database; the only class that writes them after creation. */
@Singleton
public class DeliveryStore {
    private final JdbcOperations jdbc;

    public DeliveryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Optional<Delivery> find(String id) {
        return list(Delivery.SELECT + " where d.id = ?", id).stream().findFirst();
    }

    @Transactional
    public Optional<Delivery> find(String connectionId, String id) {
        return list(Delivery.SELECT + " where d.id = ? and d.connection_id = ?", id, connectionId).stream()
                .findFirst();
    }

    @Transactional
    public List<Delivery> forRun(String connectionId, String runId) {
        return list(
                Delivery.SELECT + " where d.run_id = ? and d.connection_id = ? order by d.created_at, d.id",
                runId,
                connectionId);
    }

    @Transactional
    public List<Delivery> byStatus(String connectionId, DeliveryStatus status, Instant since, int limit) {
        return list(
                Delivery.SELECT + " where d.connection_id = ? and d.status = ? and d.updated_at >= ?"
                        + " order by d.updated_at desc, d.id limit " + limit,
                connectionId,
                status.wireName(),
                since);
    }

    /** The outcome of one attempt: the attempt row and the delivery's new state, in one transaction. */
    @Transactional
    public void recordAttempt(Delivery delivery, AttemptResult result, Verdict verdict, Instant at) {
        Sql.update(
                jdbc,
                "insert into delivery_attempt (delivery_id, at, status, latency_ms, response, error) values (?,?,?,?,?,?)",
                delivery.id(),
                at,
                result.status(),
                result.latencyMs(),
                Bounded.cut(result.excerpt(), Bounded.RESPONSE_EXCERPT),
                truncate(result.error()));
        Sql.update(
                jdbc,
                "update delivery set status = ?, attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ?,"
                        + " updated_at = ?, delivered_at = ? where id = ?",
                verdict.status().wireName(),
                verdict.nextAttemptAt(),
                result.status(),
                truncate(result.error()),
                at,
                verdict.status() == DeliveryStatus.DELIVERED ? at : null,
                delivery.id());
    }

    /** A pending delivery that cannot be attempted at all; false when it is no longer pending. */
    @Transactional
    public boolean markDead(String id, String why, Instant at) {
        return Sql.update(
                        jdbc,
                        "update delivery set status = 'dead', next_attempt_at = null, last_error = ?, updated_at = ?"
                                + " where id = ? and status = 'pending'",
                        truncate(why),
                        at,
                        id)
                == 1;
    }

    @Transactional
    public void cancel(String id, Instant at) {
        Sql.update(
                jdbc,
                "update delivery set status = 'cancelled', next_attempt_at = null, updated_at = ? where id = ?",
                at,
                id);
    }

    /** A new attempt cycle for a delivery that ended; false when it is still pending. */
    @Transactional
    public boolean reopen(String id, Instant at) {
        return Sql.update(
                        jdbc,
                        "update delivery set status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?"
                                + " where id = ? and status <> 'pending'",
                        at,
                        at,
                        id)
                == 1;
    }

    @Transactional
    public boolean runExists(String connectionId, String runId) {
        return jdbc.prepareStatement("select 1 from run where id = ? and connection_id = ?", ps -> {
            Sql.bind(ps, runId, connectionId);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Transactional
    public List<AttemptView> attempts(String deliveryId) {
        return jdbc.prepareStatement("select * from delivery_attempt where delivery_id = ? order by id", ps -> {
            ps.setString(1, deliveryId);
            List<AttemptView> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AttemptView(
                            Sql.instant(rs, "at"),
                            Sql.integer(rs, "status"),
                            rs.getLong("latency_ms"),
                            rs.getString("response"),
                            rs.getString("error")));
                }
            }
            return out;
        });
    }

    private List<Delivery> list(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, args);
            List<Delivery> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Delivery.read(rs));
                }
            }
            return out;
        });
    }

    private static String truncate(String s) {
        return Bounded.cut(s, Bounded.TEXT);
    }
}
