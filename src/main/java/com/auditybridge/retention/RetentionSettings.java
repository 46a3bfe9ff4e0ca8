package com.auditybridge.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How long the bridge keeps what it no longer needs ({@code bridge.retention.*}; environment variables
 * {@code BRIDGE_RETENTION_RUNS}, {@code BRIDGE_RETENTION_DEAD_LETTERS}, ...). Ages are read on the service clock.
 *
 * @param runs              an ended run (completed, failed, cancelled) is kept this long after it ended, with its
 *                          timeline, its events, their deliveries and attempts, its paid-call records and its
 *                          idempotency keys (default 30d). Kept longer: a run with a delivery still pending, or with a
 *                          dead letter younger than {@code deadLetters}. Never deleted: a run in flight, and a
 *                          {@code done} conversion record of a connection that exists. Events that belong to no run
 *                          ({@code lead.arrived} of the lead sync) are kept as long, counted from their creation
 * @param deadLetters       a dead delivery (its retry ladder spent) is kept this long after it died, for
 *                          {@code GET /v1/deliveries?status=dead} and a redelivery (default 30d)
 * @param inboundDeliveries an Audity webhook delivery id is remembered this long, so that a redelivery is a no-op
 *                          (default 7d)
 * @param idempotencyKeys   an Idempotency-Key is kept this long after its first use (default 24h); never less than
 *                          {@code bridge.intake.idempotency-ttl}, during which the key still answers
 * @param leadMarks         the lead sync's mark of a lead (seen, started) is kept this long after it was made
 *                          (default 30d); never less than the longest lead max-age of any connection
 *                          ({@code bridge.lead-sync.max-age}, default 14d, or a connection's own): the sync only
 *                          considers leads younger than that, so a forgotten mark is one of a lead it no longer
 *                          looks at. A lead it converted is not considered again anyway (Audity lists it converted),
 *                          and its conversion record stays ({@code runs})
 * @param budgets           a per-token budget (or inbound rate) kept in the database ({@code upstream_budget}) is
 *                          deleted once its bucket has been full again, unused, this long (default 24h): its token is
 *                          no longer used, or its limit changed (a changed limit names a new bucket). A bucket deleted
 *                          and then used again starts full, which is what it had become
 * @param batchSize         rows of the driving table deleted per transaction (default 500)
 * @param maxBatches        batches per table in one execution of the task, so that one execution stays short; what
 *                          is left goes at the next (default 100)
 * @param every             time between two executions of the task (default 10m); one replica at a time runs it
 */
@ConfigurationProperties("bridge.retention")
public record RetentionSettings(
        @Bindable(defaultValue = "30d") Duration runs,
        @Bindable(defaultValue = "30d") Duration deadLetters,
        @Bindable(defaultValue = "7d") Duration inboundDeliveries,
        @Bindable(defaultValue = "24h") Duration idempotencyKeys,
        @Bindable(defaultValue = "30d") Duration leadMarks,
        @Bindable(defaultValue = "24h") Duration budgets,
        @Bindable(defaultValue = "500") int batchSize,
        @Bindable(defaultValue = "100") int maxBatches,
        @Bindable(defaultValue = "10m") Duration every) {}
