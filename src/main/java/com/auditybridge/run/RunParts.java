package com.auditybridge.run;

import com.auditybridge.connection.AuditPart;
import com.auditybridge.db.Bounded;
import com.auditybridge.db.Sql;
import com.auditybridge.upstream.RawJson;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code run_part}: the parts of a run's finished audit, each its document exactly as Audity answered it
 * (the text, never parsed and written again), or why it is missing, and whether a refresh of it is still to read it.
 * Written in the transaction of the step that read it ({@link RunTransitions}) or of a refresh ({@link
 * ResultRefresh}); deleted with the run (retention).
 */
@Singleton
public class RunParts {
    private static final Comparator<StoredPart> READING_ORDER = Comparator.comparing(StoredPart::part);

    private final JdbcOperations jdbc;

    public RunParts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps what a read of a part came to. A document replaces whatever the part had; a failure replaces only an
     * earlier failure, so that a document read before stays (the refresh that failed says so in the timeline). Either
     * way a refresh asked for is done.
     */
    void save(String runId, PartOutcome outcome, Instant now) {
        String part = outcome.part().wireName();
        String code = outcome.isRead() ? null : Bounded.cut(outcome.code(), Bounded.ERROR_CODE);
        String message = outcome.isRead() ? null : Bounded.cut(outcome.message(), Bounded.TEXT);
        if (!exists(runId, part)) {
            Sql.update(
                    jdbc,
                    "insert into run_part (run_id, part, document, missing_code, missing_message, read_at)"
                            + " values (?,?,?,?,?,?)",
                    runId,
                    part,
                    outcome.isRead() ? outcome.document().text() : null,
                    code,
                    message,
                    now);
        } else if (outcome.isRead()) {
            Sql.update(
                    jdbc,
                    "update run_part set document = ?, missing_code = null, missing_message = null, read_at = ?,"
                            + " refresh_requested_at = null where run_id = ? and part = ?",
                    outcome.document().text(),
                    now,
                    runId,
                    part);
        } else {
            Sql.update(
                    jdbc,
                    "update run_part set missing_code = ?, missing_message = ?, read_at = ? where run_id = ?"
                            + " and part = ? and document is null",
                    code,
                    message,
                    now,
                    runId,
                    part);
            Sql.update(
                    jdbc, "update run_part set refresh_requested_at = null where run_id = ? and part = ?", runId, part);
        }
    }

    /** Marks {@code parts} of the run to be read again; a part never read gets its row now. */
    void requestRefresh(String runId, List<AuditPart> parts, Instant now) {
        for (AuditPart part : parts) {
            int marked = Sql.update(
                    jdbc,
                    "update run_part set refresh_requested_at = ? where run_id = ? and part = ?",
                    now,
                    runId,
                    part.wireName());
            if (marked == 0) {
                Sql.update(
                        jdbc,
                        "insert into run_part (run_id, part, refresh_requested_at) values (?,?,?)",
                        runId,
                        part.wireName(),
                        now);
            }
        }
    }

    /** The run's parts with their documents, in reading order. */
    @Transactional
    public List<StoredPart> of(String runId) {
        return query(
                        "select run_id, part, document, document is not null as has_document, missing_code, missing_message,"
                                + " read_at, refresh_requested_at from run_part where run_id = ?",
                        true,
                        List.of(runId))
                .getOrDefault(runId, List.of());
    }

    /** Per run, its parts without their documents (for listings, which show only which parts exist). */
    @Transactional
    public Map<String, List<StoredPart>> listed(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return query(
                "select run_id, part, document is not null as has_document, missing_code, missing_message, read_at,"
                        + " refresh_requested_at from run_part where run_id in ("
                        + String.join(",", Collections.nCopies(runIds.size(), "?")) + ")",
                false,
                List.copyOf(runIds));
    }

    private boolean exists(String runId, String part) {
        return jdbc.prepareStatement("select 1 from run_part where run_id = ? and part = ?", ps -> {
            Sql.bind(ps, runId, part);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    private Map<String, List<StoredPart>> query(String sql, boolean documents, List<String> args) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, args.toArray());
            Map<String, List<StoredPart>> byRun = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredPart part = read(rs, documents);
                    if (part != null) {
                        byRun.computeIfAbsent(rs.getString("run_id"), id -> new ArrayList<>())
                                .add(part);
                    }
                }
            }
            byRun.values().forEach(parts -> parts.sort(READING_ORDER));
            return byRun;
        });
    }

    /** A row as kept; null for a part name this version does not know. */
    private static StoredPart read(ResultSet rs, boolean documents) throws SQLException {
        AuditPart part = AuditPart.fromWire(rs.getString("part")).orElse(null);
        if (part == null) {
            return null;
        }
        String document = documents ? rs.getString("document") : null;
        return new StoredPart(
                part,
                document == null ? null : RawJson.of(document).orElse(null),
                rs.getBoolean("has_document"),
                rs.getString("missing_code"),
                rs.getString("missing_message"),
                Sql.instant(rs, "read_at"),
                Sql.instant(rs, "refresh_requested_at"));
    }
}
