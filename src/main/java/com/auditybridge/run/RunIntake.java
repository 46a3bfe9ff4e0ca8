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
import java.util.ArrayList;
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
        Run run = newRun(connection, flow, input, now);
        // A lead the connection already has a run of (lead-to-audit keeps one run per lead) stores nothing: that run is
        // the answer. Only lead-to-audit runs carry a lead, so only they can meet one.
        if (!runs.insert(run)) {
            Run existing = existing(run);
            if (idempotencyKey != null) {
                keys.insert(connection.id(), idempotencyKey, requestHash, existing.id(), now);
            }
            return new Accepted(existing, true);
        }
        if (idempotencyKey != null) {
            keys.insert(connection.id(), idempotencyKey, requestHash, run.id(), now);
        }
        queue.enqueue(run.id(), now);
        started(run);
        return new Accepted(run, false);
    }

    /** A hook without an Idempotency-Key, to be accepted with others ({@link #acceptAll}). */
    public record Hook(Connection connection, Flow flow, RunInput input, Instant at) {}

    /**
     * {@link #accept} for several hooks without an Idempotency-Key, in one transaction and a fixed number of round
     * trips however many they are: their runs, their timeline rows, their priorities, their tasks. Answers in the
     * hooks' order. If it fails, nothing of any of them is stored.
     */
    @Transactional
    public List<Accepted> acceptAll(List<Hook> hooks) {
        List<Run> fresh = hooks.stream()
                .map(h -> newRun(h.connection(), h.flow(), h.input(), h.at()))
                .toList();
        boolean[] stored = runs.insertAll(fresh);
        List<Run> queued = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            Run run = fresh.get(i);
            if (stored[i]) {
                queued.add(run);
            }
            accepted.add(stored[i] ? new Accepted(run, false) : new Accepted(existing(run), true));
        }
        queue.enqueueAll(queued);
        queued.forEach(this::started);
        return accepted;
    }

    private Run newRun(Connection connection, Flow flow, RunInput input, Instant now) {
        FlowDefinition definition =
                flows.stream().filter(f -> f.flow() == flow).findFirst().orElseThrow();
        // The parts to read are settled now: a change of the connection's default later does not change a run.
        RunInput stored = input.include() == null && !connection.include().isEmpty() && definition.readsParts(input)
                ? input.withParts(connection.include())
                : input;
        return Run.builder()
                .id(UUID.randomUUID().toString())
                .connectionId(connection.id())
                .flow(flow)
                .status(RunStatus.QUEUED)
                .step(definition.graph().first())
                .input(codec.write(stored))
                .callbackUrl(input.callbackUrl())
                .leadId(input.leadId())
                .projectId(input.projectId())
                .stepStartedAt(now)
                .nextAt(now)
                .createdAt(now)
                .updatedAt(now)
                .build();
    }

    /** The run that kept {@code run} from being stored: the one of its lead. */
    private Run existing(Run run) {
        return runs.findByLead(run.connectionId(), run.leadId())
                .orElseThrow(() -> new IllegalStateException("run " + run.id() + " was not stored"));
    }

    private void started(Run run) {
        meters.counter("bridge.runs.started", "flow", run.flow().wireName()).increment();
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
