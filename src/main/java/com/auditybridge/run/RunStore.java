package com.auditybridge.run;

import com.auditybridge.db.Bounded;
import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs and their timelines in the database; the only class that writes them. */
@Singleton
public class RunStore {
    private static final String TERMINAL = "('completed','failed','cancelled')";
    private final JdbcOperations jdbc;

    public RunStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    private static final String INSERT_RUN =
            "insert into run (id, connection_id, flow, status, step, input, callback_url,"
                    + " lead_id, project_id, attempts, step_started_at, next_at, created_at, updated_at)"
                    + " values (?,?,?,?,?,?,?,?,?,0,?,?,?,?) on conflict do nothing";
    private static final String INSERT_TIMELINE =
            "insert into run_event (run_id, at, step, outcome, detail) values (?,?,?,?,?)";

    /**
     * Stores a new run and its first timeline row; false, storing nothing, when the connection already has a run of
     * the run's lead (unique on connection and lead): one statement tells both, without a look first.
     */
    @Transactional
    public boolean insert(Run run) {
        return insertAll(List.of(run))[0];
    }

    /**
     * {@link #insert} for several runs in two round trips (the runs, then the timeline rows of those stored), each run
     * told apart: element i is false when run i's lead already had a run.
     */
    @Transactional
    public boolean[] insertAll(List<Run> runs) {
        int[] counts = jdbc.prepareStatement(INSERT_RUN, ps -> {
            for (Run run : runs) {
                Sql.bind(
                        ps,
                        run.id(),
                        run.connectionId(),
                        run.flow().wireName(),
                        run.status().wireName(),
                        run.step(),
                        run.input(),
                        run.callbackUrl(),
                        run.leadId(),
                        run.projectId(),
                        run.createdAt(),
                        run.createdAt(),
                        run.createdAt(),
                        run.createdAt());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        boolean[] inserted = new boolean[runs.size()];
        for (int i = 0; i < inserted.length; i++) {
            // A driver may answer "done, count unknown" for a statement of a batch; only 0 means the lead had a run.
            inserted[i] = counts[i] != 0;
        }
        if (!java.util.stream.IntStream.range(0, inserted.length).anyMatch(i -> inserted[i])) {
            return inserted;
        }
        jdbc.prepareStatement(INSERT_TIMELINE, ps -> {
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i]) {
                    Run run = runs.get(i);
                    Sql.bind(
                            ps,
                            timelineRow(
                                    run.id(),
                                    run.createdAt(),
                                    "intake",
                                    "queued",
                                    "accepted " + run.flow().wireName()));
                    ps.addBatch();
                }
            }
            return ps.executeBatch();
        });
        return inserted;
    }

    @Transactional
    public Optional<Run> find(String id) {
        return one("select * from run where id = ?", id);
    }

    @Transactional
    public Optional<Run> find(String connectionId, String id) {
        return one("select * from run where id = ? and connection_id = ?", id, connectionId);
    }

    @Transactional
    public Optional<Run> findByLead(String connectionId, String leadId) {
        return one("select * from run where lead_id = ? and connection_id = ?", leadId, connectionId);
    }

    /** Newest first; the cursor is the (created_at, id) of the last run of the previous page. */
    @Transactional
    public List<Run> list(String connectionId, RunFilter filter, int limit, RunCursor after) {
        StringBuilder sql = new StringBuilder("select * from run where connection_id = ?");
        List<Object> args = new ArrayList<>(List.of(connectionId));
        if (filter.flow() != null) {
            sql.append(" and flow = ?");
            args.add(filter.flow().wireName());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            args.add(filter.status().wireName());
        }
        if (filter.leadId() != null) {
            sql.append(" and lead_id = ?");
            args.add(filter.leadId());
        }
        if (filter.projectId() != null) {
            sql.append(" and project_id = ?");
            args.add(filter.projectId());
        }
        if (filter.createdFrom() != null) {
            sql.append(" and created_at >= ?");
            args.add(filter.createdFrom());
        }
        if (filter.createdTo() != null) {
            sql.append(" and created_at < ?");
            args.add(filter.createdTo());
        }
        if (after != null) {
            sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
            args.addAll(List.of(after.createdAt(), after.createdAt(), after.id()));
        }
        sql.append(" order by created_at desc, id desc limit ").append(limit);
        return many(sql.toString(), args.toArray());
    }

    /**
     * How many of the connection's runs created in each interval are in each status now. {@code bounds} are n + 1
     * ascending instants for n intervals, each interval holding its start; the last one holds its end too. One query:
     * the interval is found by a {@code case} on the bounds.
     */
    @Transactional
    public List<Map<RunStatus, Integer>> countByStatus(String connectionId, List<Instant> bounds) {
        int intervals = bounds.size() - 1;
        StringBuilder which = new StringBuilder(intervals == 1 ? "0" : "case");
        List<Object> args = new ArrayList<>();
        for (int i = 1; i < intervals; i++) {
            which.append(" when created_at < ? then ").append(i - 1);
            args.add(bounds.get(i));
        }
        if (intervals > 1) {
            which.append(" else ").append(intervals - 1).append(" end");
        }
        args.addAll(List.of(connectionId, bounds.get(0), bounds.get(intervals)));
        String sql = "select slot, status, count(*) as n from (select " + which
                + " as slot, status from run where connection_id = ? and created_at >= ? and created_at <= ?) t"
                + " group by slot, status";
        List<Map<RunStatus, Integer>> counts = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            counts.add(new EnumMap<>(RunStatus.class));
        }
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RunStatus status =
                            RunStatus.fromWire(rs.getString("status")).orElseThrow();
                    counts.get(rs.getInt("slot")).put(status, rs.getInt("n"));
                }
            }
            return counts;
        });
    }

    /** Runs of a project that are waiting on or polling it, so an upstream signal can wake them. */
    @Transactional
    public List<Run> activeForProject(String projectId) {
        // In id order: the wakes lock these rows, and two wakers taking them in the same order cannot deadlock.
        return many(
                "select * from run where project_id = ? and status in ('running','waiting') order by id", projectId);
    }

    @Transactional
    public List<TimelineEntry> timeline(String runId) {
        return jdbc.prepareStatement(
                "select at, step, outcome, detail from run_event where run_id = ? order by id", ps -> {
                    Sql.bind(ps, runId);
                    List<TimelineEntry> entries = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            entries.add(new TimelineEntry(
                                    Sql.instant(rs, "at"),
                                    rs.getString("step"),
                                    rs.getString("outcome"),
                                    rs.getString("detail")));
                        }
                    }
                    return entries;
                });
    }

    /** One timeline row; an outcome the upstream named (a job's status, an audit's stage) is kept cut to its column. */
    public void appendTimeline(String runId, Instant at, String step, String outcome, String detail) {
        Sql.update(jdbc, INSERT_TIMELINE, timelineRow(runId, at, step, outcome, detail));
    }

    private static Object[] timelineRow(String runId, Instant at, String step, String outcome, String detail) {
        return new Object[] {
            runId,
            at,
            Bounded.cut(step, Bounded.TIMELINE_WORD),
            Bounded.cut(outcome, Bounded.TIMELINE_WORD),
            Bounded.cut(detail, Bounded.TEXT)
        };
    }

    int update(String sql, Object... args) {
        return Sql.update(jdbc, sql, args);
    }

    private static final String KEEP_IDS = "project_id = coalesce(?, project_id), job_id = coalesce(?, job_id),"
            + " analysis_id = coalesce(?, analysis_id), audit_id = coalesce(?, audit_id)";

    /**
     * Applies the state part of a transition, only if the run is still at the version the step read: a cancel, or a
     * revived execution of the same run, moved it on meanwhile and this step's decision is stale. Ids learned upstream
     * are facts and are kept whatever the version: with the state in one statement, or alone when the state is stale.
     * The prerequisite deadline is set once, at the first wait, and kept. The error's code and message may be the
     * upstream's own words, of any length: they are kept cut to their columns.
     *
     * @return the run as the update left it, built here rather than read again; empty when the run had moved on
     */
    Optional<Run> applyState(Run run, Transition t, Instant now, String resultJson) {
        UpstreamIds ids = t.ids();
        RunError error = t.error();
        RunError kept = error == null
                ? null
                : new RunError(
                        Bounded.cut(error.code(), Bounded.ERROR_CODE),
                        Bounded.cut(error.message(), Bounded.TEXT),
                        error.upstreamStatus());
        Run after = run.toBuilder()
                .status(t.status())
                .step(t.entersStep() ? t.step() : run.step())
                .nextAt(t.nextAt())
                .attempts(t.entersStep() ? 0 : run.attempts() + (t.spendsAttempt() ? 1 : 0))
                .stepStartedAt(t.entersStep() ? now : run.stepStartedAt())
                .result(resultJson == null ? run.result() : resultJson)
                // As the row reads back (map): no code, no error.
                .error(kept == null || kept.code() == null ? null : kept)
                .waitDeadline(run.waitDeadline() == null ? t.waitDeadline() : run.waitDeadline())
                .updatedAt(now)
                .finishedAt(t.status().terminal() ? now : null)
                .projectId(ids.projectId() == null ? run.projectId() : ids.projectId())
                .jobId(ids.jobId() == null ? run.jobId() : ids.jobId())
                .analysisId(ids.analysisId() == null ? run.analysisId() : ids.analysisId())
                .auditId(ids.auditId() == null ? run.auditId() : ids.auditId())
                .version(run.version() + 1)
                .build();
        // Where the update below coalesces, 'after' takes the run read for the row: only this update writes result and
        // wait_deadline, and it applies only at the version read. An id that a stale execution of the run keeps
        // meanwhile (the second update) the row has and 'after' may not: as when that execution commits just after
        // this one, which was always possible.
        boolean applied = update(
                        "update run set status = ?, step = ?, next_at = ?, attempts = ?, step_started_at = ?,"
                                + " result = coalesce(?, result), error_code = ?, error_message = ?, error_upstream_status = ?,"
                                + " wait_deadline = coalesce(wait_deadline, ?), updated_at = ?, finished_at = ?, "
                                + KEEP_IDS + ", version = version + 1 where id = ? and version = ?",
                        after.status().wireName(),
                        after.step(),
                        after.nextAt(),
                        after.attempts(),
                        after.stepStartedAt(),
                        resultJson,
                        kept == null ? null : kept.code(),
                        kept == null ? null : kept.message(),
                        kept == null ? null : kept.upstreamStatus(),
                        t.waitDeadline(),
                        after.updatedAt(),
                        after.finishedAt(),
                        ids.projectId(),
                        ids.jobId(),
                        ids.analysisId(),
                        ids.auditId(),
                        run.id(),
                        run.version())
                == 1;
        if (!applied && ids.any()) {
            update(
                    "update run set " + KEEP_IDS + " where id = ?",
                    ids.projectId(),
                    ids.jobId(),
                    ids.analysisId(),
                    ids.auditId(),
                    run.id());
        }
        return applied ? Optional.of(after) : Optional.empty();
    }

    /** Keeps a wake on the run (the earliest, when several came); locks the run's row until the transaction ends. */
    void markWoken(String runId, Instant at) {
        update(
                "update run set woken_at = case when woken_at is null or woken_at > ? then ? else woken_at end where id = ?",
                at,
                at,
                runId);
    }

    void clearWoken(String runId) {
        update("update run set woken_at = null where id = ?", runId);
    }

    /** The wake kept on the run, if any, now cleared; the run's row stays locked until the transaction ends. */
    Optional<Instant> takeWake(String runId) {
        Optional<Instant> woken = jdbc.prepareStatement("select woken_at from run where id = ? for update", ps -> {
            Sql.bind(ps, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(Sql.instant(rs, "woken_at")) : Optional.<Instant>empty();
            }
        });
        woken.ifPresent(at -> clearWoken(runId));
        return woken;
    }

    /** Locks the run's row until the transaction ends. */
    void lock(String runId) {
        jdbc.prepareStatement("select id from run where id = ? for update", ps -> {
            Sql.bind(ps, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /**
     * Back to running on the step that failed; attempts reset. A paid call that was done stays done; one left
     * unconfirmed goes back to in doubt, so the step looks at the upstream again before anything is sent, and may send
     * once more only if two looks find it not done.
     */
    @Transactional
    public boolean reopen(String connectionId, String id, Instant now) {
        boolean done = update(
                        "update run set status = 'running', attempts = 0, step_started_at = ?, next_at = ?,"
                                + " error_code = null, error_message = null, error_upstream_status = null, finished_at = null,"
                                + " updated_at = ?, version = version + 1 where id = ? and connection_id = ? and status = 'failed'",
                        now,
                        now,
                        now,
                        id,
                        connectionId)
                == 1;
        if (done) {
            // A person retried after checking upstream: look twice more, and then one more send is allowed.
            update(
                    "update paid_call set state = 'in-doubt', looks = 0, doubts = case when doubts > 0 then doubts - 1 else 0 end,"
                            + " updated_at = ? where run_id = ? and state = 'unconfirmed'",
                    now,
                    id);
            appendTimeline(id, now, "retry", "queued", "retried by the caller");
        }
        return done;
    }

    private Optional<Run> one(String sql, Object... args) {
        List<Run> runs = many(sql, args);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private List<Run> many(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, args);
            List<Run> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(map(rs));
                }
            }
            return runs;
        });
    }

    private static Run map(ResultSet rs) throws SQLException {
        String errorCode = rs.getString("error_code");
        RunError error = errorCode == null
                ? null
                : new RunError(errorCode, rs.getString("error_message"), Sql.integer(rs, "error_upstream_status"));
        return Run.builder()
                .id(rs.getString("id"))
                .connectionId(rs.getString("connection_id"))
                .flow(Flow.fromWire(rs.getString("flow")).orElseThrow())
                .status(RunStatus.fromWire(rs.getString("status")).orElseThrow())
                .step(rs.getString("step"))
                .input(rs.getString("input"))
                .callbackUrl(rs.getString("callback_url"))
                .leadId(rs.getString("lead_id"))
                .projectId(rs.getString("project_id"))
                .jobId(rs.getString("job_id"))
                .analysisId(rs.getString("analysis_id"))
                .auditId(rs.getString("audit_id"))
                .result(rs.getString("result"))
                .error(error)
                .attempts(rs.getInt("attempts"))
                .stepStartedAt(Sql.instant(rs, "step_started_at"))
                .waitDeadline(Sql.instant(rs, "wait_deadline"))
                .nextAt(Sql.instant(rs, "next_at"))
                .createdAt(Sql.instant(rs, "created_at"))
                .updatedAt(Sql.instant(rs, "updated_at"))
                .finishedAt(Sql.instant(rs, "finished_at"))
                .version(rs.getLong("version"))
                .build();
    }
}
