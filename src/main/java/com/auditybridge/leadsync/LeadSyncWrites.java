package com.auditybridge.leadsync;

import com.auditybridge.callback.EventOutbox;
import com.auditybridge.callback.EventTypes;
import com.auditybridge.connection.Connection;
import com.auditybridge.run.Flow;
import com.auditybridge.run.RunInput;
import com.auditybridge.run.RunIntake;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;

/**
 * The sync's bookkeeping, one short transaction per lead and never an upstream call inside one: a new
 * lead is marked seen together with its lead.arrived event, and a conversion's run is created together
 * with the lead's started mark.
 */
@Singleton
public class LeadSyncWrites {
    private final LeadSeen seen;
    private final RunIntake intake;
    private final EventOutbox outbox;

    public LeadSyncWrites(LeadSeen seen, RunIntake intake, EventOutbox outbox) {
        this.seen = seen;
        this.intake = intake;
        this.outbox = outbox;
    }

    /** Marks the lead seen and emits lead.arrived with {@code data}; false when it had been seen already. */
    @Transactional
    public boolean arrived(String connectionId, String leadId, Map<String, Object> data, Instant now) {
        if (seen.isSeen(connectionId, leadId)) {
            return false;
        }
        seen.markSeen(connectionId, leadId, now);
        outbox.emit(connectionId, null, EventTypes.LEAD_ARRIVED, data, null, false, now);
        return true;
    }

    /** Creates the lead's lead-to-audit run (or finds the one it has) and marks the lead started; answers the run id. */
    @Transactional
    public String started(Connection connection, String leadId, RunInput input, Instant now) {
        String runId = intake.accept(connection, Flow.LEAD_TO_AUDIT, input, null, "lead-sync:" + leadId)
                .run()
                .id();
        seen.markStarted(connection.id(), leadId, runId, now);
        return runId;
    }
}
