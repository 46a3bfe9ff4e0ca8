package com.auditybridge.intake;

import com.auditybridge.connection.Connection;
import com.auditybridge.db.Bounded;
import com.auditybridge.db.Sql;
import com.auditybridge.leadsync.LeadSyncTrigger;
import com.auditybridge.run.AudityWebhooksSeen;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunQueue;
import com.auditybridge.run.RunStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Audity's events mean here: {@code analysis_generated} wakes the runs of that project so they
 * finish without waiting for their next poll, and is noted for the connection, whose job polls then become a safety
 * net ({@code AudityWebhooksSeen}); {@code survey_completed} runs the lead sync now.
 * A delivery id seen before is acknowledged and ignored.
 */
@Singleton
public class AudityWebhooks {
    private final JdbcOperations jdbc;
    private final RunStore runs;
    private final RunQueue queue;
    private final LeadSyncTrigger leadSync;
    private final AudityWebhooksSeen seen;
    private final Clock clock;

    public AudityWebhooks(
            JdbcOperations jdbc,
            RunStore runs,
            RunQueue queue,
            LeadSyncTrigger leadSync,
            AudityWebhooksSeen seen,
            Clock clock) {
        this.jdbc = jdbc;
        this.seen = seen;
        this.runs = runs;
        this.queue = queue;
        this.leadSync = leadSync;
        this.clock = clock;
    }

    @Transactional
    public Map<String, Object> receive(
            Connection connection, String deliveryId, String event, Map<String, Object> data) {
        Instant now = clock.instant();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", true);
        answer.put("event", event);
        if (!remember(connection.id(), deliveryId, event, now)) {
            answer.put("deduped", true);
            return answer;
        }
        if ("analysis_generated".equals(event)) {
            // From now on this connection's runs poll their jobs only as a safety net: the webhook wakes them.
            seen.analysisGenerated(connection.id(), now);
        }
        if ("analysis_generated".equals(event) && data.get("projectId") instanceof String projectId) {
            List<Run> woken = runs.activeForProject(projectId).stream()
                    .filter(run -> run.connectionId().equals(connection.id()))
                    .toList();
            woken.forEach(run -> queue.wake(run.id(), now));
            answer.put("runsWoken", woken.size());
        } else if ("survey_completed".equals(event)) {
            leadSync.now(connection.id());
            answer.put("leadSync", "started");
        }
        return answer;
    }

    /**
     * True the first time a delivery id is seen. Two copies of one delivery at once both reach the insert; with
     * {@code on conflict do nothing} the later one waits for the earlier to commit and inserts nothing, where a
     * {@code where not exists} check would let both insert and fail the later one on the primary key. The event's
     * name, Audity's to choose, is kept cut to its column.
     */
    private boolean remember(String connectionId, String deliveryId, String event, Instant now) {
        return Sql.update(
                        jdbc,
                        "insert into inbound_delivery (connection_id, delivery_id, event, received_at)"
                                + " values (?, ?, ?, ?) on conflict do nothing",
                        connectionId,
                        deliveryId,
                        Bounded.cut(event, Bounded.EVENT_NAME),
                        now)
                == 1;
    }
}
