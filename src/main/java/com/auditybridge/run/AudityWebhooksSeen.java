package com.auditybridge.run;

import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * Whether a connection's Audity webhooks are seen to arrive: when its last {@code analysis_generated} came
 * ({@code audity_webhook_seen}, one row a connection). While one came within {@code bridge.flows.webhooks-seen-within},
 * the webhook is what wakes a finished job's run, and polling is only the safety net ({@link FlowSettings}).
 */
@Singleton
public class AudityWebhooksSeen {
    private final JdbcOperations jdbc;
    private final FlowSettings settings;

    public AudityWebhooksSeen(JdbcOperations jdbc, FlowSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Notes an {@code analysis_generated} at {@code at}. An update first, then an insert that does nothing when
     * another replica inserted meanwhile (H2 has no {@code on conflict do update}); the time only moves forward.
     */
    @Transactional
    public void analysisGenerated(String connectionId, Instant at) {
        if (Sql.update(
                        jdbc,
                        "update audity_webhook_seen set seen_at = ? where connection_id = ? and seen_at < ?",
                        at,
                        connectionId,
                        at)
                == 0) {
            Sql.update(
                    jdbc,
                    "insert into audity_webhook_seen (connection_id, seen_at) values (?, ?) on conflict do nothing",
                    connectionId,
                    at);
        }
    }

    /** True when the connection's last {@code analysis_generated} came within the configured window before now. */
    @Transactional
    public boolean recently(String connectionId, Instant now) {
        Instant since = now.minus(settings.webhooksSeenWithin());
        return jdbc.prepareStatement(
                "select 1 from audity_webhook_seen where connection_id = ? and seen_at >= ?", ps -> {
                    Sql.bind(ps, connectionId, since);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
    }
}
