package com.auditybridge.run.steps;

import com.auditybridge.audity.AsyncJob;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Exit;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Pacing;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunError;
import com.auditybridge.run.RunStatus;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;
import java.time.Duration;

/**
 * Poll the analysis job, less often as it ages, until it completes or fails. While the connection's Audity webhooks
 * are seen, {@code analysis_generated} wakes the run when the job is done, and the polls are only a safety net
 * ({@code bridge.flows.poll-safety-net}).
 */
public final class PollJobStep extends PacedStep<AsyncJob> {

    public PollJobStep(FlowSettings settings) {
        super(StepNames.POLL, settings);
    }

    @Override
    public Outcome<AsyncJob> call(Run run, StepContext context) {
        return context.audity().getJob(context.connection().audityToken(), run.jobId());
    }

    @Override
    public Transition decide(Run run, Outcome<AsyncJob> outcome, Decisions decisions) {
        if (!outcome.isSuccess()) {
            return Transition.fail(outcome.error());
        }
        AsyncJob job = outcome.value();
        if ("completed".equals(job.status())) {
            return Transition.exit(Exit.DONE, decisions.now(), "completed", "analysis " + job.analysisId())
                    .withAnalysis(job.analysisId());
        }
        if ("failed".equals(job.status())) {
            String code = job.errorCode() == null ? "ANALYSIS_FAILED" : job.errorCode();
            return Transition.fail(
                    new RunError(code, job.error() == null ? "the analysis job failed" : job.error(), null));
        }
        Duration next = after(Duration.between(run.stepStartedAt(), decisions.now()), settings, decisions);
        return Transition.again(
                RunStatus.RUNNING, decisions.now().plus(next), job.status(), "job " + job.jobId() + " " + job.status());
    }

    /** The first poll of a job just started: soon, or the safety net when webhooks wake the run. */
    static Duration first(FlowSettings settings, Decisions decisions) {
        return decisions.audityWebhooksSeen() ? settings.pollSafetyNet() : settings.pollInitial();
    }

    /** When to poll a job of this age next: paced by its age, or the safety net when webhooks wake the run. */
    static Duration after(Duration age, FlowSettings settings, Decisions decisions) {
        return decisions.audityWebhooksSeen()
                ? Pacing.byAge(age, settings.pollSafetyNet(), settings.pollSafetyNet())
                : Pacing.byAge(age, settings.pollInitial(), settings.pollMax());
    }
}
