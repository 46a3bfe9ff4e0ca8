package com.auditybridge.retention;

import com.auditybridge.leadsync.LeadSyncSettings;
import com.auditybridge.run.IntakeSettings;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of retention over every table that would otherwise grow without bound ({@link RetentionSettings}): each
 * kind of row in batches of {@code batch-size}, each batch its own transaction, until a batch comes short or
 * {@code max-batches} were done. Ages are read on the service clock. Counted in {@code bridge.retention.deleted{table}}
 * (rows) and {@code bridge.retention.batch{table}} (rows of the driving table per transaction).
 */
@Singleton
public class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final RetentionStore store;
    private final RetentionSettings settings;
    private final IntakeSettings intake;
    private final LeadSyncSettings leadSync;
    private final Clock clock;
    private final MeterRegistry meters;

    public Retention(
            RetentionStore store,
            RetentionSettings settings,
            IntakeSettings intake,
            LeadSyncSettings leadSync,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.settings = settings;
        this.intake = intake;
        this.leadSync = leadSync;
        this.clock = clock;
        this.meters = meters;
    }

    /** Deletes what has expired; answers the rows deleted per table. */
    public Map<String, Long> runOnce() {
        Instant now = clock.instant();
        Instant deadSince = now.minus(settings.deadLetters());
        Instant runsBefore = now.minus(settings.runs());
        Map<String, Long> deleted = new LinkedHashMap<>();
        drain("run", limit -> store.endedRuns(runsBefore, deadSince, limit), deleted);
        drain("delivery", limit -> store.deadLetters(deadSince, limit), deleted);
        drain("event", limit -> store.eventsOfNoRun(runsBefore, deadSince, limit), deleted);
        Instant receivedBefore = now.minus(settings.inboundDeliveries());
        drain("inbound_delivery", limit -> store.inboundDeliveries(receivedBefore, limit), deleted);
        Instant keysBefore = now.minus(longest(settings.idempotencyKeys(), intake.idempotencyTtl()));
        drain("idempotency_key", limit -> store.idempotencyKeys(keysBefore, limit), deleted);
        Instant marksBefore = now.minus(leadMarksKept());
        drain("lead_seen", limit -> store.leadMarks(marksBefore, limit), deleted);
        Instant fullBefore = now.minus(settings.budgets());
        drain("upstream_budget", limit -> store.budgets(fullBefore, limit), deleted);
        if (!deleted.isEmpty()) {
            LOG.info("retention deleted {}", deleted);
        }
        return deleted;
    }

    /** Lead marks are kept for {@code lead-marks}, and never less than the longest lead max-age in force. */
    Duration leadMarksKept() {
        Integer days = store.longestLeadMaxAgeDays();
        Duration kept = longest(settings.leadMarks(), leadSync.maxAge());
        return days == null ? kept : longest(kept, Duration.ofDays(days));
    }

    private void drain(String driving, IntFunction<RetentionStore.Batch> batch, Map<String, Long> deleted) {
        int size = settings.batchSize();
        for (int done = 0; done < settings.maxBatches(); done++) {
            RetentionStore.Batch one = batch.apply(size);
            one.deleted().forEach((table, rows) -> {
                if (rows > 0) {
                    meters.counter("bridge.retention.deleted", "table", table).increment(rows);
                    deleted.merge(table, (long) rows, Long::sum);
                }
            });
            int drivingRows = one.deleted().getOrDefault(driving, 0);
            if (drivingRows > 0) {
                DistributionSummary.builder("bridge.retention.batch")
                        .baseUnit("rows")
                        .tag("table", driving)
                        .description("rows of the driving table deleted in one retention transaction")
                        .register(meters)
                        .record(drivingRows);
            }
            if (one.chosen() < size) {
                return;
            }
        }
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
