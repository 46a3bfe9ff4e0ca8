package com.auditybridge.run.steps;

import com.auditybridge.audity.AsyncJob;
import com.auditybridge.audity.AuditAnalysis;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Exit;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Run;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.run.paid.Evidence;
import com.auditybridge.run.paid.PaidCall;
import com.auditybridge.run.paid.PaidCallKind;
import com.auditybridge.run.paid.PaidCallRecord.How;
import com.auditybridge.run.paid.Progress;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Starting the async audit analysis (AI budget): a job started, or (after a lost answer) the analysis found done, or
 * the project found lacking its analyses (422), which the run then waits for.
 * After a lost answer the evidence is the project's latest audit analysis (an endpoint whose shape is inferred): one
 * created since the first send is the job's result; one still running is looked at again; an
 * {@code analysis_generated} webhook for the project wakes the run to look early.
 */
public final class AnalysisTrigger implements PaidCall<AsyncJob> {
    private final FlowSettings settings;

    public AnalysisTrigger(FlowSettings settings) {
        this.settings = settings;
    }

    @Override
    public PaidCallKind kind() {
        return PaidCallKind.TRIGGER;
    }

    @Override
    public String token(StepContext context) {
        return context.connection().audityToken();
    }

    @Override
    public String subject(Run run, StepContext context) {
        return run.projectId();
    }

    @Override
    public Outcome<AsyncJob> send(Run run, StepContext context, BooleanSupplier intent) {
        return context.audity().triggerAuditAnalysis(token(context), run.projectId(), intent);
    }

    @Override
    public String idOf(AsyncJob answer) {
        return answer.jobId();
    }

    @Override
    public Evidence look(Run run, StepContext context, Look look) {
        Outcome<AuditAnalysis> latest = context.audity().latestAuditAnalysis(token(context), run.projectId());
        if (!latest.isSuccess()) {
            return latest.error().kind() == UpstreamErrorKind.NOT_FOUND
                    ? new Evidence.NotDone("the project has no audit analysis", true)
                    : new Evidence.Unreadable(latest.error());
        }
        AuditAnalysis analysis = latest.value();
        Instant created = analysis.createdAt();
        if (created != null && created.isBefore(look.since())) {
            return new Evidence.NotDone(
                    "the project's latest audit analysis (" + created + ") predates the trigger", true);
        }
        if (analysis.running() || analysis.id() == null) {
            return new Evidence.Pending("an audit analysis of the project is running");
        }
        return new Evidence.Done(
                analysis.id(), "audit analysis " + analysis.id() + " of the project was made since the trigger");
    }

    @Override
    public Transition done(Run run, Progress.Done<AsyncJob> done, Decisions decisions) {
        if (done.how() == How.ANSWER) {
            return Transition.exit(
                            Exit.STARTED,
                            decisions.now().plus(PollJobStep.first(settings, decisions)),
                            "triggered",
                            "job " + done.id())
                    .withJob(done.id());
        }
        // What the evidence names is the finished analysis: the job it came from is unknown, and there is nothing to
        // poll.
        return Transition.exit(Exit.DONE, decisions.now(), "completed", done.what())
                .withAnalysis(done.id());
    }

    @Override
    public Transition refused(Run run, UpstreamError error, Decisions decisions) {
        if (error.kind() != UpstreamErrorKind.PREREQUISITE_MISSING) {
            return PaidCall.super.refused(run, error, decisions);
        }
        // The deadline is set at the first 422 and kept across errors, retries and restarts.
        Instant deadline = run.waitDeadline() != null
                ? run.waitDeadline()
                : decisions.now().plus(settings.prerequisiteWait());
        return Transition.exit(
                        Exit.PREREQUISITES_MISSING,
                        decisions.now().plus(settings.prerequisiteCheck()),
                        "prerequisite-missing",
                        error.message() + "; waiting until " + deadline)
                .waitingUntil(deadline);
    }

    @Override
    public String unconfirmedCode() {
        return "ANALYSIS_UNCONFIRMED";
    }
}
