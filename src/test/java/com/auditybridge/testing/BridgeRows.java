package com.auditybridge.testing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bridge's own tables as a test sees them: the outbox rows a run wrote, and a clean slate between tests. */
public final class BridgeRows {
    private static final List<String> TABLES = List.of(
            "paid_call",
            "paid_lane",
            "delivery_attempt",
            "delivery",
            "event",
            "run_event",
            "run_part",
            "idempotency_key",
            "run",
            "scheduled_tasks",
            "lead_seen",
            "inbound_delivery",
            "audity_webhook_seen");

    private final JdbcOperations jdbc;

    public BridgeRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes every run and what hangs off it, so a lead id seeded again after a simulator reset is new. */
    public void clear() {
        for (String table : TABLES) {
            jdbc.execute(connection -> {
                try (var statement = connection.createStatement()) {
                    return statement.executeUpdate("delete from " + table);
                } catch (java.sql.SQLException missing) {
                    return 0;
                }
            });
        }
    }

    /** The event rows of a run, oldest first: {@code type} and {@code payload}. */
    public List<Map<String, Object>> events(String runId) {
        return rows("select type, payload from event where run_id = ? order by created_at, type", runId);
    }

    /** The delivery rows of a run: {@code target_url}, {@code final_callback}, {@code status} and the event type. */
    public List<Map<String, Object>> deliveries(String runId) {
        return rows(
                "select d.target_url, d.final_callback, d.status, e.type from delivery d"
                        + " join event e on e.id = d.event_id where d.run_id = ?",
                runId);
    }

    private List<Map<String, Object>> rows(String sql, String runId) {
        return jdbc.execute(connection -> {
            try (var ps = connection.prepareStatement(sql)) {
                ps.setString(1, runId);
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        });
    }
}
