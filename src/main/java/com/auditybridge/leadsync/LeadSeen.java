package com.auditybridge.leadsync;

import com.auditybridge.db.Sql;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * The sync's memory of leads: seen once (lead.arrived once), started once (one run per lead). Each call
 * takes a connection for itself, or joins the caller's transaction ({@link LeadSyncWrites}).
 */
@Singleton
@Connectable
public class LeadSeen {
    private final JdbcOperations jdbc;

    public LeadSeen(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    boolean isSeen(String connectionId, String leadId) {
        return count("select count(*) from lead_seen where connection_id = ? and lead_id = ?", connectionId, leadId)
                > 0;
    }

    boolean isStarted(String connectionId, String leadId) {
        return count(
                        "select count(*) from lead_seen where connection_id = ? and lead_id = ? and run_id is not null",
                        connectionId,
                        leadId)
                > 0;
    }

    void markSeen(String connectionId, String leadId, Instant now) {
        Sql.update(
                jdbc,
                "insert into lead_seen (connection_id, lead_id, seen_at) values (?,?,?)",
                connectionId,
                leadId,
                now);
    }

    void markStarted(String connectionId, String leadId, String runId, Instant now) {
        Sql.update(
                jdbc,
                "update lead_seen set run_id = ?, started_at = ? where connection_id = ? and lead_id = ?",
                runId,
                now,
                connectionId,
                leadId);
    }

    int startedSince(String connectionId, Instant since) {
        return count("select count(*) from lead_seen where connection_id = ? and started_at >= ?", connectionId, since);
    }

    private int count(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
