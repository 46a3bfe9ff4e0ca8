package com.auditybridge.retention;

import com.auditybridge.connection.Connection;
import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deletes of retention, one bounded batch per call and each call its own short transaction: the rows of the
 * driving table are chosen (at most {@code limit}) and locked, then what hangs off them is deleted before them
 * (delivery_attempt → delivery → event, run_event and run_part → run). Nothing of a run in flight is ever chosen.
 */
@Singleton
public class RetentionStore {
    private static final String TERMINAL = "('completed','failed','cancelled')";
    /** The run a row belongs to, when it has one, is not in flight. */
    private static final String NOT_OF_A_RUN_IN_FLIGHT =
            " not exists (select 1 from run f where f.id = %s.run_id" + " and f.status not in " + TERMINAL + ")";
    /** A conversion that was made is kept for as long as its connection exists: a new run of the lead finds it. */
    private static final String KEPT_CONVERSION = "kind = 'convert' and state = 'done' and (connection_id = '"
            + Connection.DEFAULT_ID + "' or connection_id in (select id from bridge_connection))";

    private final JdbcOperations jdbc;

    public RetentionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What one batch chose (rows of its driving table) and deleted (rows per table). */
    public record Batch(int chosen, Map<String, Integer> deleted) {
        static final Batch NONE = new Batch(0, Map.of());
    }

    /**
     * Runs that ended before {@code endedBefore}, with their timeline, the parts of their finished audit, events,
     * deliveries and attempts, paid-call records (but a made conversion's) and idempotency keys. A run with a delivery pending, or dead since
     * {@code deadSince}, stays.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Batch endedRuns(Instant endedBefore, Instant deadSince, int limit) {
        List<String> ids = column(
                "select r.id from run r where r.status in " + TERMINAL + " and r.finished_at < ?"
                        + " and not exists (select 1 from delivery d where d.run_id = r.id and (d.status = 'pending'"
                        + " or (d.status = 'dead' and d.updated_at >= ?)))"
                        + " order by r.finished_at, r.id limit " + limit + " for update",
                endedBefore,
                deadSince);
        int chosen = ids.size();
        // A redelivery committed since the choice made a delivery pending again: its run stays. The lock makes a
        // redelivery that comes later wait for this transaction, and then find nothing to reopen.
        ids = withoutPending(ids, "run_id");
        if (ids.isEmpty()) {
            return new Batch(chosen, Map.of());
        }
        String in = in(ids);
        Object[] twice = twice(ids);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        String deliveries = "select id from delivery where run_id in " + in
                + " or event_id in (select id from event where run_id in " + in + ")";
        deleted.put(
                "delivery_attempt",
                Sql.update(jdbc, "delete from delivery_attempt where delivery_id in (" + deliveries + ")", twice));
        deleted.put(
                "delivery",
                Sql.update(
                        jdbc,
                        "delete from delivery where run_id in " + in
                                + " or event_id in (select id from event where run_id in " + in + ")",
                        twice));
        deleted.put("event", Sql.update(jdbc, "delete from event where run_id in " + in, ids.toArray()));
        deleted.put("run_event", Sql.update(jdbc, "delete from run_event where run_id in " + in, ids.toArray()));
        deleted.put("run_part", Sql.update(jdbc, "delete from run_part where run_id in " + in, ids.toArray()));
        deleted.put(
                "paid_call",
                Sql.update(
                        jdbc,
                        "delete from paid_call where run_id in " + in + " and not (" + KEPT_CONVERSION + ")",
                        ids.toArray()));
        deleted.put(
                "idempotency_key",
                Sql.update(jdbc, "delete from idempotency_key where run_id in " + in, ids.toArray()));
        deleted.put("run", Sql.update(jdbc, "delete from run where id in " + in, ids.toArray()));
        return new Batch(chosen, deleted);
    }

    /** Dead deliveries that died before {@code diedBefore}, with their attempts; none of a run in flight. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Batch deadLetters(Instant diedBefore, int limit) {
        List<String> ids = column(
                "select d.id from delivery d where d.status = 'dead' and d.updated_at < ?"
                        + " and (d.run_id is null or" + NOT_OF_A_RUN_IN_FLIGHT.formatted("d") + ")"
                        + " order by d.updated_at, d.id limit " + limit + " for update",
                diedBefore);
        if (ids.isEmpty()) {
            return Batch.NONE;
        }
        String in = in(ids);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        deleted.put(
                "delivery_attempt",
                Sql.update(jdbc, "delete from delivery_attempt where delivery_id in " + in, ids.toArray()));
        deleted.put(
                "delivery",
                Sql.update(jdbc, "delete from delivery where id in " + in + " and status = 'dead'", ids.toArray()));
        return new Batch(ids.size(), deleted);
    }

    /** Events of no run (lead.arrived) created before {@code createdBefore}, with their deliveries, as runs are. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Batch eventsOfNoRun(Instant createdBefore, Instant deadSince, int limit) {
        List<String> ids = column(
                "select e.id from event e where e.run_id is null and e.created_at < ?"
                        + " and not exists (select 1 from delivery d where d.event_id = e.id and (d.status = 'pending'"
                        + " or (d.status = 'dead' and d.updated_at >= ?)))"
                        + " order by e.created_at, e.id limit " + limit + " for update",
                createdBefore,
                deadSince);
        int chosen = ids.size();
        ids = withoutPending(ids, "event_id");
        if (ids.isEmpty()) {
            return new Batch(chosen, Map.of());
        }
        String in = in(ids);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        deleted.put(
                "delivery_attempt",
                Sql.update(
                        jdbc,
                        "delete from delivery_attempt where delivery_id in"
                                + " (select id from delivery where event_id in " + in + ")",
                        ids.toArray()));
        deleted.put("delivery", Sql.update(jdbc, "delete from delivery where event_id in " + in, ids.toArray()));
        deleted.put("event", Sql.update(jdbc, "delete from event where id in " + in, ids.toArray()));
        return new Batch(chosen, deleted);
    }

    /** Audity webhook delivery ids received before {@code receivedBefore}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Batch inboundDeliveries(Instant receivedBefore, int limit) {
        int n = Sql.update(
                jdbc,
                "delete from inbound_delivery where (connection_id, delivery_id) in (select connection_id, delivery_id"
                        + " from inbound_delivery where received_at < ? order by received_at limit " + limit + ")",
                receivedBefore);
        return single("inbound_delivery", n);
    }

    /** Idempotency keys first used before {@code createdBefore}; none of a run in flight. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Batch idempotencyKeys(Instant createdBefore, int limit) {
        int n = Sql.update(
                jdbc,
                "delete from idempotency_key where (connection_id, idem_key) in (select k.connection_id, k.idem_key"
                        + " from idempotency_key k where k.created_at < ? and" + NOT_OF_A_RUN_IN_FLIGHT.formatted("k")
                        + " order by k.created_at limit " + limit + ")",
                createdBefore);
        return single("idempotency_key", n);
    }

    /** The lead sync's marks made (seen, and started if so) before {@code madeBefore}; none of a run in flight. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Batch leadMarks(Instant madeBefore, int limit) {
        int n = Sql.update(
                jdbc,
                "delete from lead_seen where (connection_id, lead_id) in (select s.connection_id, s.lead_id"
                        + " from lead_seen s where s.seen_at < ? and (s.started_at is null or s.started_at < ?)"
                        + " and (s.run_id is null or" + NOT_OF_A_RUN_IN_FLIGHT.formatted("s") + ")"
                        + " order by s.seen_at limit " + limit + ")",
                madeBefore,
                madeBefore);
        return single("lead_seen", n);
    }

    /**
     * Budget buckets full again, unused, since before {@code fullBefore}. A bucket in use meanwhile was written anew
     * under its row lock, and the repeated condition, checked again on the row as it is once the lock is free, keeps
     * it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Batch budgets(Instant fullBefore, int limit) {
        long millis = fullBefore.toEpochMilli();
        int n = Sql.update(
                jdbc,
                "delete from upstream_budget where refilled_at < ? and id in (select id from upstream_budget"
                        + " where refilled_at < ? order by refilled_at limit " + limit + ")",
                millis,
                millis);
        return single("upstream_budget", n);
    }

    /** The longest lead max-age, in days, that a managed connection sets for itself; null when none does. */
    @Transactional
    public Integer longestLeadMaxAgeDays() {
        return jdbc.prepareStatement("select max(lead_max_age_days) as days from bridge_connection", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Sql.integer(rs, "days");
            }
        });
    }

    private List<String> withoutPending(List<String> ids, String column) {
        if (ids.isEmpty()) {
            return ids;
        }
        Set<String> pending = new HashSet<>();
        jdbc.prepareStatement(
                "select " + column + ", status from delivery where " + column + " in " + in(ids) + " for update",
                ps -> {
                    Sql.bind(ps, ids.toArray());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if ("pending".equals(rs.getString(2))) {
                                pending.add(rs.getString(1));
                            }
                        }
                    }
                    return pending;
                });
        if (pending.isEmpty()) {
            return ids;
        }
        List<String> kept = new ArrayList<>(ids);
        kept.removeAll(pending);
        return kept;
    }

    private static Batch single(String table, int deleted) {
        return new Batch(deleted, deleted == 0 ? Map.of() : Map.of(table, deleted));
    }

    private static String in(List<String> ids) {
        return "(" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
    }

    private static Object[] twice(List<String> ids) {
        List<Object> args = new ArrayList<>(ids);
        args.addAll(ids);
        return args.toArray();
    }

    private List<String> column(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, args);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
