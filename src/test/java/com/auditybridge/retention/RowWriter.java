package com.auditybridge.retention;

import com.auditybridge.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes rows shaped like the bridge's own straight into its tables, batched per statement, so that a test can lay
 * down weeks of history in seconds. {@link #flush} sends what was added.
 */
final class RowWriter {
    static final String CONNECTION = "default";

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
    int convertsDone;

    RowWriter(Connection connection) {
        this.connection = connection;
    }

    /** What one ended run left, as the engine writes it; answers the run id. */
    String endedRun(String status, Instant created, Instant finished, boolean conversion, String deliveryStatus) {
        String runId = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        String lead = conversion ? "lead-" + runId : null;
        run(
                runId,
                conversion ? "lead-to-audit" : "project-analysis",
                status,
                "poll-job",
                lead,
                project,
                null,
                created,
                finished,
                finished);
        timeline(runId, created, finished, status);
        finalEvent(runId, finished, deliveryStatus);
        if (conversion) {
            String state = "failed".equals(status) ? "unconfirmed" : "done";
            paidCall(runId, "convert", lead, state, created, "done".equals(state) ? project : null);
        } else {
            paidCall(
                    runId,
                    "trigger",
                    project,
                    "done",
                    created,
                    UUID.randomUUID().toString());
        }
        if ("completed".equals(status) && !conversion) {
            // The parts of its finished audit the run read: one kept, one missing.
            add(
                    "insert into run_part (run_id, part, document, read_at) values (?,?,?,?)",
                    runId,
                    "analysis",
                    "{\"id\":\"" + project + "\",\"status\":\"completed\",\"analysis\":{\"executiveSummary\":\""
                            + "s".repeat(2_000) + "\"}}",
                    finished);
            add(
                    "insert into run_part (run_id, part, missing_code, missing_message, read_at) values (?,?,?,?,?)",
                    runId,
                    "deliverables",
                    "UPSTREAM_UNAVAILABLE",
                    "Internal server error",
                    finished);
        }
        add(
                "insert into idempotency_key (connection_id, idem_key, request_hash, run_id, created_at) values (?,?,?,?,?)",
                CONNECTION,
                "key-" + runId,
                "0".repeat(64),
                runId,
                created);
        return runId;
    }

    /** A lead-to-audit run converted at {@code created} and still polling its analysis, with a dead callback. */
    String runInFlight(Instant created) {
        String runId = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        String lead = "lead-" + runId;
        run(
                runId,
                "lead-to-audit",
                "waiting",
                "wait-prereqs",
                lead,
                project,
                created.plus(Duration.ofDays(7)),
                created,
                created,
                null);
        add(
                "insert into run_event (run_id, at, step, outcome, detail) values (?,?,?,?,?)",
                runId,
                created,
                "intake",
                "queued",
                "accepted");
        add(
                "insert into run_event (run_id, at, step, outcome, detail) values (?,?,?,?,?)",
                runId,
                created,
                "convert",
                "converted",
                project);
        finalEvent(runId, created, "dead");
        paidCall(runId, "convert", lead, "done", created, project);
        add(
                "insert into idempotency_key (connection_id, idem_key, request_hash, run_id, created_at) values (?,?,?,?,?)",
                CONNECTION,
                "key-" + runId,
                "0".repeat(64),
                runId,
                created);
        add(
                "insert into lead_seen (connection_id, lead_id, seen_at, run_id, started_at) values (?,?,?,?,?)",
                CONNECTION,
                lead,
                created,
                runId,
                created);
        return runId;
    }

    /** A lead.arrived of the lead sync (no run) with its delivered subscription delivery, and the lead's mark. */
    void leadArrived(Instant at) {
        String lead = "synced-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        add(
                "insert into event (id, connection_id, run_id, type, payload, created_at) values (?,?,?,?,?,?)",
                eventId,
                CONNECTION,
                null,
                "lead.arrived",
                "{}",
                at);
        delivery(eventId, null, at, "delivered", false);
        add("insert into lead_seen (connection_id, lead_id, seen_at) values (?,?,?)", CONNECTION, lead, at);
    }

    void inboundDelivery(Instant at) {
        add(
                "insert into inbound_delivery (connection_id, delivery_id, event, received_at) values (?,?,?,?)",
                CONNECTION,
                UUID.randomUUID().toString(),
                "analysis_generated",
                at);
    }

    private void run(
            String runId,
            String flow,
            String status,
            String step,
            String lead,
            String project,
            Instant nextAt,
            Instant created,
            Instant updated,
            Instant finished) {
        add(
                "insert into run (id, connection_id, flow, status, step, input, lead_id, project_id, attempts, step_started_at,"
                        + " next_at, created_at, updated_at, finished_at) values (?,?,?,?,?,?,?,?,0,?,?,?,?,?)",
                runId,
                CONNECTION,
                flow,
                status,
                step,
                "{}",
                lead,
                project,
                created,
                nextAt,
                created,
                updated,
                finished);
    }

    private void timeline(String runId, Instant created, Instant finished, String status) {
        add(
                "insert into run_event (run_id, at, step, outcome, detail) values (?,?,?,?,?)",
                runId,
                created,
                "intake",
                "queued",
                "accepted");
        add(
                "insert into run_event (run_id, at, step, outcome, detail) values (?,?,?,?,?)",
                runId,
                created,
                "convert",
                "attempting",
                "intent");
        add(
                "insert into run_event (run_id, at, step, outcome, detail) values (?,?,?,?,?)",
                runId,
                created,
                "convert",
                "converted",
                "project");
        add(
                "insert into run_event (run_id, at, step, outcome, detail) values (?,?,?,?,?)",
                runId,
                finished,
                "poll-job",
                status,
                "done");
    }

    private void finalEvent(String runId, Instant at, String deliveryStatus) {
        String eventId = UUID.randomUUID().toString();
        add(
                "insert into event (id, connection_id, run_id, type, payload, created_at) values (?,?,?,?,?,?)",
                eventId,
                CONNECTION,
                runId,
                "audit.completed",
                "{}",
                at);
        delivery(eventId, runId, at, deliveryStatus, true);
    }

    private void delivery(String eventId, String runId, Instant at, String status, boolean finalCallback) {
        String id = UUID.randomUUID().toString();
        Instant attempted = at.plusSeconds(1);
        add(
                "insert into delivery (id, event_id, connection_id, run_id, target_url, final_callback, status, attempts,"
                        + " next_attempt_at, created_at, updated_at, delivered_at) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                id,
                eventId,
                CONNECTION,
                runId,
                "https://example.com/hook",
                finalCallback,
                status,
                "pending".equals(status) ? 0 : 1,
                "pending".equals(status) ? attempted : null,
                at,
                "pending".equals(status) ? at : attempted,
                "delivered".equals(status) ? attempted : null);
        if (!"pending".equals(status)) {
            add(
                    "insert into delivery_attempt (delivery_id, at, status, latency_ms) values (?,?,?,?)",
                    id,
                    attempted,
                    "delivered".equals(status) ? 200 : 500,
                    42L);
        }
    }

    private void paidCall(String runId, String kind, String subject, String state, Instant at, String resultId) {
        add(
                "insert into paid_call (run_id, kind, connection_id, token_fp, subject, state, doubts, looks, first_sent_at,"
                        + " sent_at, result_id, result_how, evidence, updated_at) values (?,?,?,?,?,?,?,0,?,?,?,?,?,?)",
                runId,
                kind,
                CONNECTION,
                "fp",
                subject,
                state,
                "unconfirmed".equals(state) ? 3 : 0,
                at,
                at,
                resultId,
                resultId == null ? null : "ANSWER",
                "unconfirmed".equals(state) ? "the looks could not settle it" : null,
                at);
        if ("convert".equals(kind) && "done".equals(state)) {
            convertsDone++;
        }
    }

    private void add(String sql, Object... args) {
        try {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            Sql.bind(statement, args);
            statement.addBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends every batch, parents first (the order the statements were first used in), and closes the statements. */
    void flush() {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.executeBatch();
                statement.close();
            }
            statements.clear();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
