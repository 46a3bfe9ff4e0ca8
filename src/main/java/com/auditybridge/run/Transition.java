package com.auditybridge.run;

import com.auditybridge.upstream.UpstreamError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a step decided, immutable: the run's next status, when to come back ({@code nextAt}, null to stop), the ids
 * it learned, the timeline row, and any events. A step that finished its part names its {@link Exit}; the flow's
 * {@link FlowGraph} turns that into the step the run enters or the run's end. The runner persists all of it in one
 * transaction; a step itself writes nothing.
 *
 * @param exit          the way the step left, until the flow routed it; null for a step that stays, ends or fails
 * @param step          the step the run enters (attempts reset, its clock starts); null: it stays on its step
 * @param spendsAttempt a transient failure: counts towards the step's retry budget
 * @param waitDeadline  for a run that waits: when waiting fails it (set once, at the first wait, and kept)
 * @param quiet         no timeline row: the bridge only held the call back, nothing happened upstream
 * @param results       documented result fields the step learned ({@link RunResult}), shown with the run
 * @param notes         what the step keeps for its next execution, never shown; null leaves the earlier notes
 * @param events        intermediate event types to emit
 * @param part          a part of the finished audit the step read, or found missing ({@link RunParts}); null for none
 */
public record Transition(
        RunStatus status,
        Exit exit,
        String step,
        boolean spendsAttempt,
        Instant nextAt,
        Instant waitDeadline,
        String outcome,
        String detail,
        boolean quiet,
        UpstreamIds ids,
        RunError error,
        Map<String, Object> results,
        StepNotes notes,
        List<String> events,
        PartOutcome part) {

    public Transition {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        events = List.copyOf(events);
    }

    /** The step's part is done, this way; the flow says where the run goes, at {@code at}. */
    public static Transition exit(Exit exit, Instant at, String outcome, String detail) {
        return of(RunStatus.RUNNING, exit, false, at, outcome, detail);
    }

    /** The same step again, not a failure: a job still running, a call held back. */
    public static Transition again(RunStatus status, Instant at, String outcome, String detail) {
        return of(status, null, false, at, outcome, detail);
    }

    /** The same step again after a transient failure; counts towards the retry budget. */
    public static Transition retry(Instant at, String outcome, String detail) {
        return of(RunStatus.RUNNING, null, true, at, outcome, detail);
    }

    public static Transition fail(RunError error) {
        return of(RunStatus.FAILED, null, false, null, "failed", error.code() + ": " + error.message())
                .but(t -> t.error = error);
    }

    /** Ends the run as the caller asked: its final event tells the callback it will not complete. */
    public static Transition cancel() {
        RunError error = new RunError("RUN_CANCELLED", "The run was cancelled by the caller.", null);
        return of(RunStatus.CANCELLED, null, false, null, "cancelled", "cancelled by the caller")
                .but(t -> t.error = error);
    }

    /** Fails the run with the upstream's own words. */
    public static Transition fail(UpstreamError error) {
        return fail(RunError.of(error));
    }

    private static Transition of(
            RunStatus status, Exit exit, boolean spendsAttempt, Instant at, String outcome, String detail) {
        return new Transition(
                status,
                exit,
                null,
                spendsAttempt,
                at,
                null,
                outcome,
                detail,
                false,
                UpstreamIds.NONE,
                null,
                Map.of(),
                null,
                List.of(),
                null);
    }

    public Transition withProject(String id) {
        return but(t -> t.ids = t.ids.withProject(id));
    }

    public Transition withJob(String id) {
        return but(t -> t.ids = t.ids.withJob(id));
    }

    public Transition withAnalysis(String id) {
        return but(t -> t.ids = t.ids.withAnalysis(id));
    }

    public Transition withAudit(String id) {
        return but(t -> t.ids = t.ids.withAudit(id));
    }

    /** Adds a documented field to the run's result ({@link RunResult}); another name is refused. */
    public Transition withResult(String field, Object value) {
        RunResult.requireDocumented(field);
        return but(t -> t.results.put(field, value));
    }

    public Transition withNotes(StepNotes notes) {
        return but(t -> t.notes = notes);
    }

    public Transition withEvent(String eventType) {
        return but(t -> t.events.add(eventType));
    }

    /** Keeps what the read of a part of the finished audit came to. */
    public Transition withPart(PartOutcome outcome) {
        return but(t -> t.part = outcome);
    }

    /** Parks the run in {@code waiting} until the step it goes to sees its condition hold, or {@code deadline}. */
    public Transition waitingUntil(Instant deadline) {
        return but(t -> {
            t.status = RunStatus.WAITING;
            t.waitDeadline = deadline;
        });
    }

    /** Leaves no timeline row. */
    public Transition quietly() {
        return but(t -> t.quiet = true);
    }

    /** Routed by the flow: the run enters {@code next}. */
    Transition enter(String next) {
        return but(t -> {
            t.exit = null;
            t.step = next;
        });
    }

    /** Routed by the flow: the run is complete, with what this step learned. */
    Transition end() {
        return but(t -> {
            t.exit = null;
            t.status = RunStatus.COMPLETED;
            t.nextAt = null;
            t.waitDeadline = null;
            t.outcome = "completed";
        });
    }

    /** True once the run goes to another step. */
    boolean entersStep() {
        return step != null;
    }

    @Override
    public String toString() {
        String where = exit != null ? "exit " + exit : step != null ? "to " + step : "";
        return "Transition[" + status + " " + where + " " + outcome + " next=" + nextAt + "]";
    }

    private Transition but(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** A copy being changed, never seen outside this record. */
    private static final class Draft {
        RunStatus status;
        Exit exit;
        String step;
        final boolean spendsAttempt;
        Instant nextAt;
        Instant waitDeadline;
        String outcome;
        final String detail;
        boolean quiet;
        UpstreamIds ids;
        RunError error;
        final Map<String, Object> results;
        StepNotes notes;
        final List<String> events;
        PartOutcome part;

        Draft(Transition t) {
            status = t.status;
            exit = t.exit;
            step = t.step;
            spendsAttempt = t.spendsAttempt;
            nextAt = t.nextAt;
            waitDeadline = t.waitDeadline;
            outcome = t.outcome;
            detail = t.detail;
            quiet = t.quiet;
            ids = t.ids;
            error = t.error;
            results = new LinkedHashMap<>(t.results);
            notes = t.notes;
            events = new ArrayList<>(t.events);
            part = t.part;
        }

        Transition build() {
            return new Transition(
                    status,
                    exit,
                    step,
                    spendsAttempt,
                    nextAt,
                    waitDeadline,
                    outcome,
                    detail,
                    quiet,
                    ids,
                    error,
                    results,
                    notes,
                    events,
                    part);
        }
    }
}
