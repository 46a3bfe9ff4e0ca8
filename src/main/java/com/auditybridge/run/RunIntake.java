package com.auditybridge.run;

import com.auditybridge.connection.Connection;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a valid hook into a stored, queued run — or finds the run it duplicates. The run, its
 * idempotency key and its first task are committed together before the caller hears 202.
 */
@Singleton
public class RunIntake {
    private final RunStore runs;
    private final IdempotencyKeys keys;
    private final RunQueue queue;
    private final RunInputCodec codec;
    private final List<FlowDefinition> flows;
    private final IntakeSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    public RunIntake(
            RunStore runs,
            IdempotencyKeys keys,
            RunQueue queue,
            RunInputCodec codec,
            List<FlowDefinition> flows,
            IntakeSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.runs = runs;
        this.keys = keys;
        this.queue = queue;
        this.codec = codec;
        this.flows = flows;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    public record Accepted(Run run, boolean deduped) {}

    @Transactional
    public Accepted accept(
            Connection connection, Flow flow, RunInput input, String idempotencyKey, String requestHash) {
        Instant now = clock.instant();
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.Entry> seen = keys.find(connection.id(), idempotencyKey);
            if (seen.isPresent()
                    && seen.get().createdAt().plus(settings.idempotencyTtl()).isAfter(now)) {
                return replay(connection, seen.get(), requestHash);
            }
            seen.ifPresent(expired -> keys.forget(connection.id(), idempotencyKey));
        }
        FlowDefinition definition =
                flows.stream().filter(f -> f.flow() == flow).findFirst().orElseThrow();
        Run run = Run.builder()
                .id(UUID.randomUUID().toString())
                .connectionId(connection.id())
                .flow(flow)
                .status(RunStatus.QUEUED)
                .step(definition.graph().first())
                .input(codec.write(input))
                .callbackUrl(input.callbackUrl())
                .leadId(input.leadId())
                .projectId(input.projectId())
                .stepStartedAt(now)
                .nextAt(now)
                .createdAt(now)
                .updatedAt(now)
                .build();
        // A lead the connection already has a run of (lead-to-audit keeps one run per lead) stores nothing: that run is
        // the answer. Only lead-to-audit runs carry a lead, so only they can meet one.
        if (!runs.insert(run)) {
            Run existing = runs.findByLead(connection.id(), input.leadId())
                    .orElseThrow(() -> new IllegalStateException("run " + run.id() + " was not stored"));
            if (idempotencyKey != null) {
                keys.insert(connection.id(), idempotencyKey, requestHash, existing.id(), now);
            }
            return new Accepted(existing, true);
        }
        if (idempotencyKey != null) {
            keys.insert(connection.id(), idempotencyKey, requestHash, run.id(), now);
        }
        queue.enqueue(run.id(), now);
        meters.counter("bridge.runs.started", "flow", flow.wireName()).increment();
        return new Accepted(run, false);
    }

    private Accepted replay(Connection connection, IdempotencyKeys.Entry entry, String requestHash) {
        if (!entry.requestHash().equals(requestHash)) {
            throw new ProblemException(Problem.of(
                    422,
                    "IDEMPOTENCY_KEY_REUSED",
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used with a different request body."));
        }
        Run run = runs.find(connection.id(), entry.runId())
                .orElseThrow(() -> ProblemException.conflict(
                        "IDEMPOTENCY_KEY_IN_PROGRESS",
                        "A request with this Idempotency-Key is still being processed."));
        return new Accepted(run, true);
    }

    /** A concurrent request with the same key or lead won the insert: the caller should look again. */
    public static boolean isDuplicate(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
