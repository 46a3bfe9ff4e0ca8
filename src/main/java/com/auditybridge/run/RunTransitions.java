package com.auditybridge.run;

import com.auditybridge.callback.EventOutbox;
import com.auditybridge.callback.EventTypes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists a step's transition in one transaction: the run's new state, its timeline row, and the
 * events it emits (the final one bound for the callback URL). Either all of it is committed or none; nothing when
 * the run moved on since the step read it.
 */
@Singleton
public class RunTransitions {
    private static final Logger LOG = LoggerFactory.getLogger(RunTransitions.class);
    private final RunStore store;
    private final RunParts parts;
    private final EventOutbox outbox;
    private final RunInputCodec codec;
    private final Clock clock;
    private final MeterRegistry meters;

    public RunTransitions(
            RunStore store,
            RunParts parts,
            EventOutbox outbox,
            RunInputCodec codec,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.parts = parts;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Applies {@code t}, which {@code stepName} decided and its flow routed, to the version of {@code run} read. False
     * when the run had moved on: nothing was applied.
     */
    @Transactional
    public boolean apply(Run run, String stepName, Transition t, FlowDefinition flow, RunInput input) {
        if (t.exit() != null) {
            throw new IllegalStateException("step " + stepName + " took exit " + t.exit() + ", not routed by its flow");
        }
        Instant now = clock.instant();
        RunResult kept = codec.readResult(run.result()).with(t.results(), t.notes());
        boolean resultChanged = !t.results().isEmpty() || t.notes() != null;
        Optional<Run> applied = store.applyState(run, t, now, resultChanged ? codec.writeResult(kept) : null);
        if (applied.isEmpty()) {
            LOG.info(
                    "run {} moved on while step {} ran (cancelled, or executed elsewhere): its {} is dropped",
                    run.id(),
                    stepName,
                    t);
            return false;
        }
        if (t.part() != null) {
            parts.save(run.id(), t.part(), now);
        }
        if (!t.quiet()) {
            store.appendTimeline(run.id(), now, stepName, t.outcome(), t.detail());
        }
        if (t.events().isEmpty() && !t.status().terminal()) {
            return true;
        }
        // Events report the run as just committed, ids learned in this step included.
        Run after = applied.get();
        for (String type : t.events()) {
            outbox.emit(
                    run.connectionId(),
                    run.id(),
                    type,
                    EventData.of(after, input, kept.shown()),
                    input.notifies(type) ? run.callbackUrl() : null,
                    false,
                    now);
        }
        if (t.status().terminal()) {
            Map<String, Object> result = new LinkedHashMap<>(flow.result(after));
            result.putAll(kept.shown());
            if (t.status() == RunStatus.COMPLETED) {
                // A finished run keeps its result alone: the steps' notes served their last execution.
                store.update(
                        "update run set result = ? where id = ?",
                        codec.writeResult(new RunResult(result, StepNotes.NONE)),
                        run.id());
            }
            String type = t.status() == RunStatus.COMPLETED ? flow.flow().completedEvent() : EventTypes.RUN_FAILED;
            // The parts read go with the run's one final callback; a later refresh of them never calls back again.
            List<StoredPart> read =
                    t.status() == RunStatus.COMPLETED && !input.parts().isEmpty() ? parts.of(run.id()) : List.of();
            outbox.emit(
                    run.connectionId(),
                    run.id(),
                    type,
                    EventData.of(after, input, result, read),
                    ResultParts.documents(read),
                    run.callbackUrl(),
                    true,
                    now);
            meters.counter(
                            "bridge.runs.finished",
                            "flow",
                            flow.flow().wireName(),
                            "status",
                            t.status().wireName())
                    .increment();
        }
        return true;
    }

    /**
     * Keeps what a refresh of a completed run read ({@link ResultRefresh}), with its timeline row; the run itself is
     * not changed and emits nothing.
     */
    @Transactional
    public void refreshed(String runId, String stepName, PartOutcome part, String outcome, String detail) {
        Instant now = clock.instant();
        parts.save(runId, part, now);
        store.appendTimeline(runId, now, stepName, outcome, "refresh: " + detail);
    }
}
