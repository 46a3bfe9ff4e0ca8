package com.auditybridge.run;

import com.auditybridge.audity.GatedAudity;
import com.auditybridge.connection.Connection;
import com.auditybridge.connection.Connections;
import com.auditybridge.db.Bounded;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.repoaudit.GatedRepoAudit;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.Precedence;
import com.auditybridge.upstream.UpstreamError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Executes one step of one run: load, call, decide, route, persist. Returns when the run wants to be executed next,
 * or empty when it is done. A crash anywhere before the persist repeats the step: harmless for the reads and the
 * patch; the paid calls (convert, the analysis trigger, the repo-audit submit) keep their own record of what was sent
 * and are never sent twice for it (run.paid.PaidStep).
 */
@Singleton
public class StepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    private final RunStore store;
    private final RunTransitions transitions;
    private final Map<Flow, FlowDefinition> flows;
    private final Connections connections;
    private final GatedAudity audity;
    private final GatedRepoAudit repoAudit;
    private final TransientFailures transientFailures;
    private final AudityWebhooksSeen webhooksSeen;
    private final RunInputCodec codec;
    private final Clock clock;
    private final MeterRegistry meters;

    /** How many times a cancel reads the run again when a step moved it on meanwhile. */
    private static final int CANCEL_TRIES = 5;

    public StepRunner(
            RunStore store,
            RunTransitions transitions,
            List<FlowDefinition> flows,
            Connections connections,
            GatedAudity audity,
            GatedRepoAudit repoAudit,
            TransientFailures transientFailures,
            AudityWebhooksSeen webhooksSeen,
            RunInputCodec codec,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.transitions = transitions;
        this.flows = flows.stream().collect(Collectors.toMap(FlowDefinition::flow, Function.identity()));
        this.connections = connections;
        this.audity = audity;
        this.repoAudit = repoAudit;
        this.transientFailures = transientFailures;
        this.webhooksSeen = webhooksSeen;
        this.codec = codec;
        this.clock = clock;
        this.meters = meters;
    }

    public Optional<Instant> drive(String runId) {
        return drive(runId, Long.MAX_VALUE);
    }

    /**
     * Executes the run's step with its place in arrival order ({@code rank}, lower first): where its token's budget is
     * short, older runs' calls go first ({@link Precedence}).
     */
    public Optional<Instant> drive(String runId, long rank) {
        Optional<Run> found = store.find(runId);
        if (found.isEmpty() || found.get().status().terminal()) {
            return Optional.empty();
        }
        Run run = found.get();
        MDC.put("runId", run.id());
        try {
            return Optional.ofNullable(Precedence.of(rank, () -> execute(run)).nextAt());
        } finally {
            MDC.remove("runId");
        }
    }

    /** Fails a run whose step kept throwing; the cause's type and first words go to the run for a human. */
    public void failStuck(String runId, int failures, Throwable cause) {
        store.find(runId).filter(run -> !run.status().terminal()).ifPresent(run -> {
            String why = cause == null
                    ? "unknown"
                    : cause.getClass().getSimpleName()
                            + (cause.getMessage() == null
                                    ? ""
                                    : ": "
                                            + cause.getMessage()
                                                    .lines()
                                                    .findFirst()
                                                    .orElse(""));
            LOG.error("run {} failed: step {} threw {} times in a row ({})", run.id(), run.step(), failures, why);
            Transition stuck = Transition.fail(new RunError(
                    "INTERNAL_ERROR", "step " + run.step() + " failed " + failures + " times in a row: " + why, null));
            transitions.apply(run, run.step(), stuck, flows.get(run.flow()), safeInput(run));
        });
    }

    /**
     * Ends the caller's run as cancelled, the way a step ends one: its state, timeline row and final event
     * ({@code run.failed}, error {@code RUN_CANCELLED}) together, so that a callback waiting for the run (an n8n
     * execution) is told. A step executing meanwhile moves the run on first: then the cancel reads it again. False when
     * the run had ended (or is not the caller's).
     */
    public boolean cancel(String connectionId, String runId) {
        for (int attempt = 0; attempt < CANCEL_TRIES; attempt++) {
            Optional<Run> found =
                    store.find(runId).filter(run -> run.connectionId().equals(connectionId));
            if (found.isEmpty() || found.get().status().terminal()) {
                return false;
            }
            Run run = found.get();
            if (transitions.apply(run, "cancel", Transition.cancel(), flows.get(run.flow()), safeInput(run))) {
                return true;
            }
        }
        throw ProblemException.conflict("RUN_BUSY", "The run kept moving on while it was being cancelled; try again.");
    }

    private RunInput safeInput(Run run) {
        try {
            return codec.read(run.input());
        } catch (RuntimeException unreadable) {
            return new RunInput(
                    run.leadId(), run.projectId(), null, null, null, null, null, run.callbackUrl(), null, null, null);
        }
    }

    private Transition execute(Run run) {
        FlowDefinition flow = flows.get(run.flow());
        RunInput input = codec.read(run.input());
        Optional<Connection> connection = connections.byId(run.connectionId());
        if (connection.isEmpty()) {
            Transition gone =
                    Transition.fail(new RunError("CONNECTION_GONE", "the run's connection no longer exists", null));
            transitions.apply(run, run.step(), gone, flow, input);
            return gone;
        }
        Step<?> step = flow.graph().step(run.step());
        Transition decided = callAndDecide(step, run, input, connection.get());
        Transition transition = idsThatFit(run, flow.graph().route(step.name(), decided, input));
        LOG.debug("run {} step {}: {}", run.id(), step.name(), transition);
        transitions.apply(run, step.name(), transition, flow, input);
        return transition;
    }

    /** Calls the step and judges its outcome; a refresh of a completed run's result reads with it too. */
    <T> Transition callAndDecide(Step<T> step, Run run, RunInput input, Connection connection) {
        Timer.Sample sample = Timer.start(meters);
        Outcome<T> outcome = step.call(run, new StepContext(connection, input, audity, repoAudit));
        sample.stop(meters.timer("bridge.step.latency", "flow", run.flow().wireName(), "step", step.name()));
        Instant now = clock.instant();
        Decisions decisions = new Decisions(
                now,
                codec.readResult(run.result()).notes(),
                transientFailures,
                () -> webhooksSeen.recently(connection.id(), now));
        UpstreamError error = outcome.error();
        return error != null && error.isTransient()
                ? decisions.afterTransient(run, error, Decisions.describe(error))
                : step.decide(run, outcome, decisions);
    }

    /**
     * An id the upstream answered that is longer than its column cannot be kept, and a cut one would name something
     * else at the next call: the run fails saying so, instead of its transition failing until INTERNAL_ERROR.
     */
    private static Transition idsThatFit(Run run, Transition t) {
        for (Map.Entry<String, String> id : t.ids().learned().entrySet()) {
            int length = id.getValue().length();
            if (length > Bounded.UPSTREAM_ID) {
                LOG.warn(
                        "run {} step {}: the upstream answered a {} of {} characters",
                        run.id(),
                        run.step(),
                        id.getKey(),
                        length);
                return Transition.fail(new RunError(
                        "UPSTREAM_ID_TOO_LONG",
                        "the upstream answered a " + id.getKey() + " of " + length + " characters; at most "
                                + Bounded.UPSTREAM_ID + " can be kept",
                        null));
            }
        }
        return t;
    }
}
