package com.auditybridge.callback;

import com.auditybridge.db.Sql;
import io.micronaut.core.annotation.Nullable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A delivery row, with its event's type and payload (a join) and its subscription's secret if any, still sealed. */
public record Delivery(
        String id,
        String eventId,
        String eventType,
        String payload,
        String connectionId,
        @Nullable String runId,
        String targetUrl,
        @Nullable String subscriptionId,
        @Nullable String subscriptionSecret,
        boolean finalCallback,
        DeliveryStatus status,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable Integer lastStatus,
        @Nullable String lastError,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deliveredAt) {

    static final String SELECT = "select d.*, e.type as event_type, e.payload, s.secret as subscription_secret"
            + " from delivery d join event e on e.id = d.event_id left join subscription s on s.id = d.subscription_id";

    static Delivery read(ResultSet rs) throws SQLException {
        return new Delivery(
                rs.getString("id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("payload"),
                rs.getString("connection_id"),
                rs.getString("run_id"),
                rs.getString("target_url"),
                rs.getString("subscription_id"),
                rs.getString("subscription_secret"),
                rs.getBoolean("final_callback"),
                DeliveryStatus.fromWire(rs.getString("status")).orElseThrow(),
                rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"),
                Sql.integer(rs, "last_status"),
                rs.getString("last_error"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "delivered_at"));
    }
}
