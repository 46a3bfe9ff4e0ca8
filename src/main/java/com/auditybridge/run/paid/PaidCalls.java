package com.auditybridge.run.paid;

import com.auditybridge.db.Bounded;
import com.auditybridge.db.Sql;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunQueue;
import com.auditybridge.run.paid.PaidCallRecord.How;
import com.auditybridge.run.paid.PaidCallRecord.State;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code paid_call} rows: each write is its own transaction, committed before the step goes on, because what
 * was sent and what came back are facts about the upstream that must survive a crash and outlast a stale decision.
 */
@Singleton
public class PaidCalls {
    /** States in which a call may be working upstream, or has charged for something not yet found. */
    private static final String OPEN = "('in-flight','in-doubt','charged')";

    private final JdbcOperations jdbc;
    private final RunQueue queue;

    public PaidCalls(JdbcOperations jdbc, RunQueue queue) {
        this.jdbc = jdbc;
        this.queue = queue;
    }

    @Transactional
    public Optional<PaidCallRecord> find(String runId, PaidCallKind kind) {
        return jdbc.prepareStatement("select * from paid_call where run_id = ? and kind = ?", ps -> {
            Sql.bind(ps, runId, kind.wireName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String how = rs.getString("result_how");
                return Optional.of(new PaidCallRecord(
                        runId,
                        kind,
                        State.fromWire(rs.getString("state")),
                        rs.getInt("doubts"),
                        rs.getInt("looks"),
                        Sql.instant(rs, "first_sent_at"),
                        Sql.instant(rs, "sent_at"),
                        rs.getString("result_id"),
                        how == null ? null : How.valueOf(how),
                        rs.getString("evidence")));
            }
        });
    }

    /** A call of {@code kind} about {@code subject} that another run of the connection made: its run and result. */
    public record DoneElsewhere(String runId, String resultId) {}

    /**
     * The call of {@code kind} about {@code subject} (a lead) that another run of the connection made, if any. Its
     * record outlives its run (retention keeps a made conversion for as long as the connection exists), so a new run
     * of a lead whose first run was deleted finds what the lead was converted into.
     */
    @Transactional
    public Optional<DoneElsewhere> doneByAnotherRun(
            String connectionId, PaidCallKind kind, String subject, String runId) {
        return jdbc.prepareStatement(
                "select run_id, result_id from paid_call where connection_id = ? and kind = ? and subject = ?"
                        + " and state = 'done' and result_id is not null and run_id <> ? order by updated_at, run_id limit 1",
                ps -> {
                    Sql.bind(ps, connectionId, kind.wireName(), subject, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new DoneElsewhere(rs.getString(1), rs.getString(2)))
                                : Optional.<DoneElsewhere>empty();
                    }
                });
    }

    /**
     * True when another run's call of this token and kind may be working upstream or has charged for something not
     * found yet. A run that ended frees the token once the settle window after its last send has passed.
     */
    @Transactional
    public boolean laneBusy(String tokenFp, PaidCallKind kind, String runId, Instant settledBefore) {
        return jdbc.prepareStatement(
                "select count(*) from paid_call p join run r on r.id = p.run_id"
                        + " where p.token_fp = ? and p.kind = ? and p.run_id <> ? and p.state in " + OPEN
                        + " and (r.status not in ('completed','failed','cancelled') or p.sent_at > ?)",
                ps -> {
                    Sql.bind(ps, tokenFp, kind.wireName(), runId, settledBefore);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1) > 0;
                    }
                });
    }

    /**
     * When the token's lane is taken by another run's call ({@link #laneBusy}), this run waits in the lane's line at
     * {@code place} (its place in arrival order, lower first), so that the call that frees the lane wakes it
     * ({@link #settle}); answers how many waiting runs are ahead of it. Empty when the lane is free. The lane's row is
     * locked while this is checked, as when the lane is freed, so a waiter is either seen by the call that frees the
     * lane or finds the lane free itself.
     */
    @Transactional
    public OptionalLong queueForLane(
            String tokenFp, PaidCallKind kind, String runId, long place, Instant settledBefore, Instant now) {
        // Looked at without the lock first: a free lane, the usual case, costs one read.
        if (!laneBusy(tokenFp, kind, runId, settledBefore)) {
            return OptionalLong.empty();
        }
        lockLane(tokenFp, kind);
        if (!laneBusy(tokenFp, kind, runId, settledBefore)) {
            return OptionalLong.empty();
        }
        waitInLine(tokenFp, kind, runId, place, now);
        return OptionalLong.of(jdbc.prepareStatement(
                "select count(*) from paid_lane_wait where token_fp = ? and kind = ? and place < ?", ps -> {
                    Sql.bind(ps, tokenFp, kind.wireName(), place);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
    }

    /**
     * Records, in its own committed transaction and before the call goes out, that it is being sent. Answers false,
     * sending nothing, when the run moved on since it was read (a revived execution, a cancel), when this call is
     * already out, or, for a kind sent one at a time per token, when another run's call of the token is open: the
     * token's lane row is locked first, so replicas take turns.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordIntent(
            Run run,
            PaidCallKind kind,
            String tokenFp,
            String subject,
            long place,
            Instant now,
            Instant settledBefore) {
        if (kind.oneAtATimePerToken()) {
            update(
                    "insert into paid_lane (token_fp, kind) values (?, ?) on conflict do nothing",
                    tokenFp,
                    kind.wireName());
            lockLane(tokenFp, kind);
            if (laneBusy(tokenFp, kind, run.id(), settledBefore)) {
                waitInLine(tokenFp, kind, run.id(), place, now);
                return false;
            }
        }
        update(
                "insert into paid_call (run_id, kind, connection_id, token_fp, subject, state, updated_at)"
                        + " values (?, ?, ?, ?, ?, 'not-done', ?) on conflict do nothing",
                run.id(),
                kind.wireName(),
                run.connectionId(),
                tokenFp,
                subject,
                now);
        boolean sent = update(
                        "update paid_call set state = 'in-flight', sent_at = ?, first_sent_at = coalesce(first_sent_at, ?),"
                                + " looks = 0, token_fp = ?, updated_at = ? where run_id = ? and kind = ? and state = 'not-done'"
                                + " and exists (select 1 from run where id = ? and version = ?)",
                        now,
                        now,
                        tokenFp,
                        now,
                        run.id(),
                        kind.wireName(),
                        run.id(),
                        run.version())
                == 1;
        if (sent) {
            if (kind.oneAtATimePerToken()) {
                update("delete from paid_lane_wait where run_id = ? and kind = ?", run.id(), kind.wireName());
            }
            update(
                    "insert into run_event (run_id, at, step, outcome, detail) values (?,?,?,?,?)",
                    run.id(),
                    now,
                    run.step(),
                    "attempting",
                    kind.paysFor() + " intent recorded before the call");
        }
        return sent;
    }

    /**
     * The call's answer or the evidence settled it (done, not done, unconfirmed) or proved a charge. A result id too
     * long for its column is kept cut, as a record; the step that learned it fails its run on it (StepRunner). A call
     * sent one at a time per token that is settled frees its token's lane: the first run waiting for it is woken.
     */
    @Transactional
    public void settle(
            String runId, PaidCallKind kind, State state, String resultId, How how, String evidence, Instant now) {
        boolean freesLane = kind.oneAtATimePerToken() && state != State.CHARGED;
        String tokenFp = freesLane ? lockLaneOf(runId, kind) : null;
        update(
                "update paid_call set state = ?, result_id = coalesce(?, result_id), result_how = coalesce(?, result_how),"
                        + " evidence = coalesce(?, evidence), updated_at = ? where run_id = ? and kind = ?",
                state.wireName(),
                Bounded.cut(resultId, Bounded.UPSTREAM_ID),
                how == null ? null : how.name(),
                cut(evidence),
                now,
                runId,
                kind.wireName());
        if (tokenFp != null) {
            handOff(tokenFp, kind, now);
        }
    }

    /** The send got no answer that settles it. */
    @Transactional
    public void inDoubt(String runId, PaidCallKind kind, String why, Instant now) {
        update(
                "update paid_call set state = 'in-doubt', doubts = doubts + 1, evidence = ?, updated_at = ?"
                        + " where run_id = ? and kind = ?",
                cut(why),
                now,
                runId,
                kind.wireName());
    }

    /** A look after the settle window found no sign of the call; answers how many have since the last send. */
    @Transactional
    public int lookedAndFoundNothing(String runId, PaidCallKind kind, String what, Instant now) {
        update(
                "update paid_call set looks = looks + 1, evidence = ?, updated_at = ? where run_id = ? and kind = ?",
                cut(what),
                now,
                runId,
                kind.wireName());
        return find(runId, kind).map(PaidCallRecord::looks).orElse(0);
    }

    /** Of {@code ids}, those another run holds: as its project, or as what its conversion made. */
    @Transactional
    public Set<String> heldByOtherRuns(String runId, Collection<String> ids) {
        Set<String> held = new HashSet<>();
        if (ids.isEmpty()) {
            return held;
        }
        String marks = String.join(",", ids.stream().map(id -> "?").toList());
        Object[] args = new Object[ids.size() * 2 + 2];
        int i = 0;
        for (String id : ids) {
            args[i++] = id;
        }
        args[i++] = runId;
        for (String id : ids) {
            args[i++] = id;
        }
        args[i] = runId;
        jdbc.prepareStatement(
                "select project_id as id from run where project_id in (" + marks + ") and id <> ?"
                        + " union select result_id from paid_call where result_id in (" + marks + ") and run_id <> ?",
                ps -> {
                    Sql.bind(ps, args);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            held.add(rs.getString(1));
                        }
                    }
                    return held;
                });
        return held;
    }

    private int update(String sql, Object... args) {
        return Sql.update(jdbc, sql, args);
    }

    private static String cut(String text) {
        return Bounded.cut(text, Bounded.TEXT);
    }

    private void lockLane(String tokenFp, PaidCallKind kind) {
        jdbc.prepareStatement("select token_fp from paid_lane where token_fp = ? and kind = ? for update", ps -> {
            Sql.bind(ps, tokenFp, kind.wireName());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    private void waitInLine(String tokenFp, PaidCallKind kind, String runId, long place, Instant now) {
        update(
                "insert into paid_lane_wait (run_id, kind, token_fp, place, since) values (?, ?, ?, ?, ?)"
                        + " on conflict do nothing",
                runId,
                kind.wireName(),
                tokenFp,
                place,
                now);
    }

    /** Locks the lane of the token the run's call of {@code kind} was sent with, and answers that token. */
    private String lockLaneOf(String runId, PaidCallKind kind) {
        return jdbc.prepareStatement(
                "select token_fp from paid_lane where kind = ?"
                        + " and token_fp = (select token_fp from paid_call where run_id = ? and kind = ?) for update",
                ps -> {
                    Sql.bind(ps, kind.wireName(), runId, kind.wireName());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                });
    }

    /**
     * Wakes the first run in the lane's line whose run has not ended, and takes it out of the line: its call is sent
     * now, or it queues again behind a call that took the lane first.
     */
    private void handOff(String tokenFp, PaidCallKind kind, Instant now) {
        String next = jdbc.prepareStatement(
                "select w.run_id from paid_lane_wait w join run r on r.id = w.run_id where w.token_fp = ? and w.kind = ?"
                        + " and r.status not in ('completed','failed','cancelled') order by w.place, w.since limit 1",
                ps -> {
                    Sql.bind(ps, tokenFp, kind.wireName());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                });
        if (next != null) {
            update("delete from paid_lane_wait where run_id = ? and kind = ?", next, kind.wireName());
            queue.wake(next, now);
        }
    }
}
