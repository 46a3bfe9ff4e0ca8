package com.auditybridge.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a step decided: the run's next status and step, when to come back ({@code nextAt}, null to
 * stop), the ids it learned, the timeline row, and any events. The runner persists all of it in
 * one transaction; a step itself writes nothing.
 */
public final class Transition {
    final RunStatus status;
    final String step;
    final Instant nextAt;
    final String outcome;
    final String detail;
    final boolean newStep;
    final boolean countAttempt;
    String projectId;
    String jobId;
    String analysisId;
    String auditId;
    Map<String, Object> result;
    RunError error;
    Instant waitDeadline;
    boolean quiet;
    final List<String> intermediateEvents = new ArrayList<>();

    private Transition(
            RunStatus status,
            String step,
            Instant nextAt,
            String outcome,
            String detail,
            boolean newStep,
            boolean countAttempt) {
        this.status = status;
        this.step = step;
        this.nextAt = nextAt;
        this.outcome = outcome;
        this.detail = detail;
        this.newStep = newStep;
        this.countAttempt = countAttempt;
    }

    /** On to another step, attempts reset. */
    public static Transition advance(String nextStep, Instant at, String outcome, String detail) {
        return new Transition(RunStatus.RUNNING, nextStep, at, outcome, detail, true, false);
    }

    /** The same step again after a transient failure; counts towards the retry budget. */
    public static Transition retry(String step, Instant at, String outcome, String detail) {
        return new Transition(RunStatus.RUNNING, step, at, outcome, detail, false, true);
    }

    /** The same step again, not a failure: a job still running, a lane held back. */
    public static Transition again(RunStatus status, String step, Instant at, String outcome, String detail) {
        return new Transition(status, step, at, outcome, detail, false, false);
    }

    /** Park the run in {@code waiting} on another step until a condition holds or the deadline passes. */
    public static Transition waitOn(String step, Instant at, Instant deadline, String outcome, String detail) {
        Transition t = new Transition(RunStatus.WAITING, step, at, outcome, detail, true, false);
        t.waitDeadline = deadline;
        return t;
    }

    public static Transition complete(String step, Map<String, Object> result, String detail) {
        Transition t = new Transition(RunStatus.COMPLETED, step, null, "completed", detail, false, false);
        t.result = result;
        return t;
    }

    public static Transition fail(String step, RunError error) {
        Transition t = new Transition(
                RunStatus.FAILED, step, null, "failed", error.code() + ": " + error.message(), false, false);
        t.error = error;
        return t;
    }

    public Transition project(String id) {
        this.projectId = id;
        return this;
    }

    public Transition job(String id) {
        this.jobId = id;
        return this;
    }

    public Transition analysis(String id) {
        this.analysisId = id;
        return this;
    }

    public Transition audit(String id) {
        this.auditId = id;
        return this;
    }

    /** Keep a value in the run's result (merged with what earlier steps kept). */
    public Transition remember(String key, Object value) {
        if (result == null) {
            result = new java.util.LinkedHashMap<>();
        }
        result.put(key, value);
        return this;
    }

    /** Leave no timeline row: the bridge only held the call back, nothing happened upstream. */
    public Transition quiet() {
        this.quiet = true;
        return this;
    }

    public Transition emit(String eventType) {
        intermediateEvents.add(eventType);
        return this;
    }

    public RunStatus status() {
        return status;
    }

    public String step() {
        return step;
    }

    public Instant nextAt() {
        return nextAt;
    }

    public RunError error() {
        return error;
    }

    @Override
    public String toString() {
        return "Transition[" + status + " " + step + " " + outcome + " next=" + nextAt + "]";
    }
}
