package com.auditybridge.run;

import com.auditybridge.callback.EventOutbox;
import com.auditybridge.connection.Connection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final EventOutbox outbox;
    private final RunInputCodec codec;
    private final Clock clock;
    private final MeterRegistry meters;

    public RunTransitions(RunStore store, EventOutbox outbox, RunInputCodec codec, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void apply(
            Run run, String stepName, Transition t, FlowDefinition flow, RunInput input, Connection connection) {
        Instant now = clock.instant();
        Map<String, Object> kept = codec.readMap(run.result());
        if (t.result != null) {
            kept.putAll(t.result);
        }
        if (!store.applyState(run, t, now, t.result == null ? null : codec.write(kept))) {
            LOG.info(
                    "run {} moved on while step {} ran (cancelled, or executed elsewhere): its {} is dropped",
                    run.id(),
                    stepName,
                    t);
            return;
        }
        if (!t.quiet) {
            store.appendTimeline(run.id(), now, stepName, t.outcome, t.detail);
        }
        if (t.intermediateEvents.isEmpty() && !t.status.terminal()) {
            return;
        }
        // Events report the run as just committed, ids learned in this step included.
        Run after = store.find(run.id()).orElseThrow();
        for (String type : t.intermediateEvents) {
            outbox.emit(
                    run.connectionId(),
                    run.id(),
                    type,
                    EventData.of(after, input, kept),
                    input.notifies(type) ? run.callbackUrl() : null,
                    false,
                    now);
        }
        if (t.status.terminal()) {
            Map<String, Object> result = new LinkedHashMap<>(flow.result(after));
            result.putAll(kept);
            if (t.status == RunStatus.COMPLETED) {
                store.update("update run set result = ? where id = ?", codec.write(result), run.id());
            }
            String type = t.status == RunStatus.COMPLETED ? flow.flow().completedEvent() : "run.failed";
            outbox.emit(
                    run.connectionId(),
                    run.id(),
                    type,
                    EventData.of(after, input, result),
                    run.callbackUrl(),
                    true,
                    now);
            meters.counter("bridge.runs.finished", "flow", flow.flow().wireName(), "status", t.status.wireName())
                    .increment();
        }
    }
}
