package com.auditybridge.run.paid;

import com.auditybridge.connection.Digests;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Pacing;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunError;
import com.auditybridge.run.RunStatus;
import com.auditybridge.run.Step;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.run.paid.PaidCallRecord.How;
import com.auditybridge.run.paid.PaidCallRecord.State;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.Precedence;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A step that makes a paid call, exactly once where the upstream lets that be known. It owns the call's states;
 * {@link PaidCall} supplies what is particular to convert, the analysis trigger or the repo-audit submit.
 *
 * <pre>
 * not tried ──intent committed──▶ in flight ──answer──▶ done (project / job / audit)
 *     ▲                               │            └──▶ refused, nothing charged ──▶ not done (wait, retry or fail)
 *     │                               │ no answer (timeout, reset, 5xx, a crash before the answer was stored)
 *     │                               ▼
 *     │                           in doubt ──settle window──▶ look (read the upstream, twice, spaced)
 *     │                               │                        ├─ done upstream ──▶ done (the one result no other run holds)
 *     │                               │                        ├─ two or no candidates ──▶ unconfirmed (a human decides)
 *     └──── not done, tries left ─────┴────────────────────────┴─ not done twice ──▶ not done │ unconfirmed when tries are spent
 *
 * charged (a 2xx without a readable body; "already converted" after an earlier send) ──look at once──▶ done │ unconfirmed
 * </pre>
 *
 * Nothing is sent while a call is in flight or in doubt, nor before its settle window has passed and two looks
 * found no sign of it; a look may settle "done" at any time (an {@code analysis_generated} webhook wakes the run
 * early). The intent is committed before the send and only if the run is still at the version this execution read,
 * so a revived execution of the same run never sends a second call. Every state lives in {@code paid_call}, written
 * as it becomes known, whatever happens to the step's own decision.
 */
public final class PaidStep<R> implements Step<Progress<R>> {
    private final String name;
    private final PaidCall<R> call;
    private final PaidCalls calls;
    private final PaidCallSettings settings;
    private final Clock clock;

    public PaidStep(String name, PaidCall<R> call, PaidCalls calls, PaidCallSettings settings, Clock clock) {
        this.name = name;
        this.call = call;
        this.calls = calls;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Outcome<Progress<R>> call(Run run, StepContext context) {
        Optional<PaidCallRecord> found = calls.find(run.id(), call.kind());
        Progress<R> progress;
        if (found.isEmpty() || found.get().state() == State.NOT_DONE) {
            progress = madeByAnotherRun(run, context).orElseGet(() -> send(run, context, found.orElse(null)));
        } else {
            PaidCallRecord record = found.get();
            progress = switch (record.state()) {
                case DONE -> new Progress.Done<>(record.resultId(), record.resultHow(), null, "recorded earlier");
                case UNCONFIRMED -> new Progress.Unconfirmed<>(record.evidence());
                default -> look(run, context, record);
            };
        }
        return Outcome.success(200, progress);
    }

    /**
     * A lead converted by another run of the connection (one that retention deleted: while it exists, intake gives its
     * lead no second run) is not converted again: this run takes that project.
     */
    private Optional<Progress<R>> madeByAnotherRun(Run run, StepContext context) {
        if (call.kind() != PaidCallKind.CONVERT) {
            return Optional.empty();
        }
        return calls.doneByAnotherRun(run.connectionId(), call.kind(), call.subject(run, context), run.id())
                .map(earlier -> new Progress.Done<>(
                        earlier.resultId(),
                        How.EVIDENCE,
                        null,
                        "converted earlier by run " + earlier.runId() + ", nothing sent"));
    }

    private Progress<R> send(Run run, StepContext context, PaidCallRecord record) {
        PaidCallKind kind = call.kind();
        String tokenFp = String.valueOf(Digests.fingerprint(call.token(context)));
        Instant asked = clock.instant();
        Instant settledBefore = asked.minus(settings.settleWindow());
        // The run's place in arrival order: when the lane frees, the oldest waiting run is woken first.
        long place = Precedence.current().orElse(Long.MAX_VALUE);
        OptionalLong ahead = kind.oneAtATimePerToken()
                ? calls.queueForLane(tokenFp, kind, run.id(), place, settledBefore, asked)
                : OptionalLong.empty();
        if (ahead.isPresent()) {
            return new Progress.NotSent<>(
                    settings.laneRecheckWith(ahead.getAsLong()),
                    "another " + kind.paysFor() + " of this token is in flight or in doubt, " + ahead.getAsLong()
                            + " more waiting before this one; one at a time, so that each finds its own result");
        }
        Instant[] sentAt = new Instant[1];
        Outcome<R> outcome = call.send(run, context, () -> {
            Instant now = clock.instant();
            boolean recorded = calls.recordIntent(
                    run, kind, tokenFp, call.subject(run, context), place, now, now.minus(settings.settleWindow()));
            sentAt[0] = recorded ? now : null;
            return recorded;
        });
        Instant now = clock.instant();
        if (sentAt[0] == null) {
            UpstreamError held = outcome.error();
            return new Progress.NotSent<>(
                    held.retryAfter() != null ? held.retryAfter() : settings.laneRecheck(), held.message());
        }
        if (outcome.isSuccess()) {
            String id = call.idOf(outcome.value());
            calls.settle(run.id(), kind, State.DONE, id, How.ANSWER, null, now);
            return new Progress.Done<>(id, How.ANSWER, outcome.value(), "answered");
        }
        UpstreamError error = outcome.error();
        boolean sentBefore = record != null && record.firstSentAt() != null;
        if (answeredWithoutBody(error) || (sentBefore && call.provesEarlierCharge(error))) {
            String why = Decisions.describe(error) + ": proves a charge; looking for what it bought";
            calls.settle(run.id(), kind, State.CHARGED, null, null, why, now);
            return new Progress.Charged<>(why);
        }
        if (!error.requestSent()) {
            calls.settle(
                    run.id(),
                    kind,
                    State.NOT_DONE,
                    null,
                    null,
                    Decisions.describe(error) + " before anything was sent",
                    now);
            return new Progress.Refused<>(error);
        }
        if (error.outcomeUnknown()) {
            Instant lookAt = sentAt[0].plus(settings.settleWindow());
            String why = Decisions.describe(error) + " after the " + kind.paysFor() + " was sent";
            calls.inDoubt(run.id(), kind, why, now);
            return new Progress.Unsettled<>(
                    lookAt,
                    "in-doubt",
                    why + "; nothing is sent again before " + lookAt + ", then the upstream is read");
        }
        calls.settle(run.id(), kind, State.NOT_DONE, null, null, Decisions.describe(error), now);
        return new Progress.Refused<>(error);
    }

    private Progress<R> look(Run run, StepContext context, PaidCallRecord record) {
        PaidCallKind kind = call.kind();
        Instant now = clock.instant();
        Instant windowEnd = record.sentAt().plus(settings.settleWindow());
        boolean charged = record.state() == State.CHARGED;
        Evidence evidence = call.look(
                run,
                context,
                new PaidCall.Look(
                        record.firstSentAt().minus(settings.clockSkew()), ids -> calls.heldByOtherRuns(run.id(), ids)));
        if (evidence instanceof Evidence.Done done) {
            calls.settle(run.id(), kind, State.DONE, done.id(), How.EVIDENCE, done.what(), now);
            return new Progress.Done<>(done.id(), How.EVIDENCE, null, done.what());
        }
        if (!charged && now.isBefore(windowEnd)) {
            return new Progress.Unsettled<>(
                    windowEnd,
                    "in-doubt",
                    "the " + kind.paysFor() + " sent at " + record.sentAt()
                            + " may still be working upstream; nothing is sent again before " + windowEnd);
        }
        Duration looking = Duration.between(charged ? record.sentAt() : windowEnd, now);
        Instant next = now.plus(Pacing.byAge(looking, settings.lookSpacing(), Duration.ofMinutes(5)));
        boolean lookedLongEnough = looking.compareTo(settings.lookFor()) >= 0;
        if (evidence instanceof Evidence.Ambiguous ambiguous) {
            return unconfirmed(run, ambiguous.what(), now);
        }
        if (evidence instanceof Evidence.Unreadable unreadable) {
            UpstreamError error = unreadable.error();
            if (error.kind() == UpstreamErrorKind.THROTTLED) {
                return new Progress.NotSent<>(
                        error.retryAfter() == null ? settings.laneRecheck() : error.retryAfter(), error.message());
            }
            String what = "could not read the upstream: " + Decisions.describe(error);
            return lookedLongEnough ? unconfirmed(run, what, now) : new Progress.Unsettled<>(next, "unreadable", what);
        }
        if (evidence instanceof Evidence.Pending pending) {
            return lookedLongEnough
                    ? unconfirmed(run, pending.what(), now)
                    : new Progress.Unsettled<>(next, "pending", pending.what());
        }
        if (!(evidence instanceof Evidence.NotDone notDone)) {
            throw new IllegalStateException("evidence of no known kind: " + evidence);
        }
        if (charged) {
            return lookedLongEnough
                    ? unconfirmed(run, "charged, yet " + notDone.what(), now)
                    : new Progress.Unsettled<>(next, "charged", "charged, yet " + notDone.what() + "; looking again");
        }
        int looks = calls.lookedAndFoundNothing(run.id(), kind, notDone.what(), now);
        if (notDone.conclusive() && looks < 2) {
            return new Progress.Unsettled<>(
                    now.plus(settings.lookSpacing()), "not-seen", notDone.what() + "; looking once more");
        }
        int tries = settings.tries(kind);
        if (record.doubts() >= tries) {
            return unconfirmed(run, notDone.what() + " after " + record.doubts() + " unanswered calls", now);
        }
        calls.settle(run.id(), kind, State.NOT_DONE, null, null, notDone.what(), now);
        return new Progress.SendAgain<>(
                notDone.what() + " after the settle window: sending again (" + (record.doubts() + 1) + " of " + tries
                        + "); if the first call was only slow, this may make a second " + kind.paysFor());
    }

    private Progress<R> unconfirmed(Run run, String what, Instant now) {
        calls.settle(run.id(), call.kind(), State.UNCONFIRMED, null, null, what, now);
        return new Progress.Unconfirmed<>(what);
    }

    @Override
    public Transition decide(Run run, Outcome<Progress<R>> outcome, Decisions decisions) {
        Progress<R> progress = outcome.value();
        if (progress instanceof Progress.Done<R> done) {
            return call.done(run, done, decisions);
        }
        if (progress instanceof Progress.Charged<R> charged) {
            return Transition.again(RunStatus.RUNNING, decisions.now(), "charged", charged.what());
        }
        if (progress instanceof Progress.Unsettled<R> unsettled) {
            return Transition.again(RunStatus.RUNNING, unsettled.at(), unsettled.outcome(), unsettled.what());
        }
        if (progress instanceof Progress.SendAgain<R> again) {
            return Transition.again(RunStatus.RUNNING, decisions.now(), "send-again", again.what());
        }
        if (progress instanceof Progress.Refused<R> refused) {
            return call.refused(run, refused.error(), decisions);
        }
        if (progress instanceof Progress.NotSent<R> notSent) {
            return decisions.heldBack(run, notSent.holdFor(), notSent.what());
        }
        if (progress instanceof Progress.Unconfirmed<R> unconfirmed) {
            return Transition.fail(new RunError(call.unconfirmedCode(), unconfirmed.what(), null));
        }
        throw new IllegalStateException("progress of no known kind: " + progress);
    }

    /** A 2xx whose body could not be read: the upstream did the work, only its answer is unreadable. */
    private static boolean answeredWithoutBody(UpstreamError error) {
        return error.kind() == UpstreamErrorKind.UNEXPECTED && error.status() >= 200 && error.status() <= 299;
    }
}
