package com.auditybridge.run;

import com.auditybridge.connection.AuditPart;
import com.auditybridge.connection.Connection;
import com.auditybridge.connection.Connections;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.scheduling.DurableTasks;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the parts of a completed run's finished audit again ({@code POST /v1/runs/{id}/result/refresh}): those
 * missing, or all the run asked for when none is. Durable: the parts are marked in {@code run_part} and read by the
 * task {@link ResultRefreshTask}, one part an execution, through the token's read budget with the same step as the
 * run's own read (held back, it waits as any step). The run stays completed and never calls back again: its one
 * final callback went out when it completed (an n8n resume URL works only once). What the refresh read shows in the
 * run's result and at its {@code resultUrl}, and each read is a row of its timeline.
 */
@Singleton
public class ResultRefresh {
    private final RunStore store;
    private final RunParts parts;
    private final RunInputCodec codec;
    private final Map<Flow, FlowDefinition> flows;
    private final Connections connections;
    private final StepRunner runner;
    private final RunTransitions transitions;
    private final DurableTasks tasks;
    private final Clock clock;

    public ResultRefresh(
            RunStore store,
            RunParts parts,
            RunInputCodec codec,
            List<FlowDefinition> flows,
            Connections connections,
            StepRunner runner,
            RunTransitions transitions,
            DurableTasks tasks,
            Clock clock) {
        this.store = store;
        this.parts = parts;
        this.codec = codec;
        this.flows = flows.stream().collect(Collectors.toMap(FlowDefinition::flow, Function.identity()));
        this.connections = connections;
        this.runner = runner;
        this.transitions = transitions;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The answer to a refresh asked for: the parts being read again, and where the result will show them. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Refreshing(String runId, List<String> refreshing, String resultUrl) {}

    /**
     * Marks the parts to read again and queues the refresh, both or neither. A refresh asked for while one is still
     * reading adds nothing: the answer names the parts it reads.
     *
     * @throws ProblemException 404 for another connection's run, 409 {@code RUN_NOT_COMPLETED} or
     *     {@code NO_PARTS_REQUESTED}
     */
    @Transactional
    public Refreshing request(Connection connection, String runId) {
        Run run = store.find(connection.id(), runId).orElseThrow(() -> ProblemException.notFound("Run " + runId));
        store.lock(runId);
        if (run.status() != RunStatus.COMPLETED) {
            throw ProblemException.conflict(
                    "RUN_NOT_COMPLETED",
                    "Only a completed run's result can be refreshed; this one is "
                            + run.status().wireName() + ".");
        }
        RunInput input = codec.read(run.input());
        if (input.parts().isEmpty()) {
            throw ProblemException.conflict(
                    "NO_PARTS_REQUESTED",
                    "The run asked for no part of the finished audit (include), so its result has none to refresh.");
        }
        List<StoredPart> stored = parts.listed(List.of(runId)).getOrDefault(runId, List.of());
        List<AuditPart> reading = stored.stream()
                .filter(StoredPart::refreshing)
                .map(StoredPart::part)
                .toList();
        if (reading.isEmpty()) {
            Instant now = clock.instant();
            reading = ResultParts.toRefresh(input, stored);
            parts.requestRefresh(runId, reading, now);
            store.appendTimeline(runId, now, "refresh", "queued", "reading again: " + names(reading));
            tasks.scheduleIfAbsent(ResultRefreshTask.instance(runId), now);
        }
        return new Refreshing(runId, names(reading), ResultParts.url(runId));
    }

    /**
     * Reads the first part the refresh is still to read, keeps what the read came to, and answers when to come back:
     * at once for the next part, when the budget frees for a read held back, or empty when nothing is left.
     */
    public Optional<Instant> readNext(String runId) {
        Optional<Run> found = store.find(runId).filter(run -> run.status() == RunStatus.COMPLETED);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Run run = found.get();
        Optional<AuditPart> next = pending(runId).stream().findFirst();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        AuditPart part = next.get();
        Optional<Connection> connection = connections.byId(run.connectionId());
        if (connection.isEmpty()) {
            keep(run, "refresh", PartOutcome.missing(part, "CONNECTION_GONE", "the run's connection no longer exists"));
            return Optional.of(clock.instant());
        }
        Step<?> step = flows.get(run.flow()).reader(part);
        Transition decided = runner.callAndDecide(step, run, codec.read(run.input()), connection.get());
        if (decided.part() == null) {
            return Optional.ofNullable(decided.nextAt());
        }
        transitions.refreshed(run.id(), step.name(), decided.part(), decided.outcome(), decided.detail());
        return Optional.of(clock.instant());
    }

    /**
     * After an execution, under the run's row lock that a refresh asked for also takes: reschedules the task while a
     * part is still to read (one asked for meanwhile included), or removes it.
     */
    @Transactional
    public void after(String runId, Optional<Instant> planned, Consumer<Instant> reschedule, Runnable remove) {
        store.lock(runId);
        if (pending(runId).isEmpty()) {
            remove.run();
        } else {
            reschedule.accept(planned.orElse(clock.instant()));
        }
    }

    /** A refresh that kept throwing: the parts it was to read are left as they were, and say why they were not. */
    @Transactional
    public void giveUp(String runId, int failures, Throwable cause) {
        store.find(runId)
                .ifPresent(run -> pending(runId)
                        .forEach(part -> keep(
                                run,
                                "refresh",
                                PartOutcome.missing(
                                        part,
                                        "INTERNAL_ERROR",
                                        "the refresh failed " + failures + " times in a row: "
                                                + (cause == null
                                                        ? "unknown"
                                                        : cause.getClass().getSimpleName())))));
    }

    private List<AuditPart> pending(String runId) {
        return parts.listed(List.of(runId)).getOrDefault(runId, List.of()).stream()
                .filter(StoredPart::refreshing)
                .map(StoredPart::part)
                .toList();
    }

    private void keep(Run run, String step, PartOutcome outcome) {
        transitions.refreshed(
                run.id(),
                step,
                outcome,
                "missing",
                outcome.part().wireName() + " missing: " + outcome.code() + ": " + outcome.message());
    }

    private static List<String> names(List<AuditPart> parts) {
        return parts.stream().map(AuditPart::wireName).toList();
    }
}
