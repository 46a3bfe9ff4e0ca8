package com.auditybridge.run.steps;

import com.auditybridge.audity.AsyncJob;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Run;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamErrorKind;

/** Start the async audit analysis; a project without its analyses sends the run to wait for them. */
public final class TriggerAnalysisStep extends PacedStep {
    public static final String NAME = "trigger";

    public TriggerAnalysisStep(FlowSettings settings) {
        super(NAME, settings);
    }

    @Override
    public Outcome<?> call(Run run, StepContext context) {
        return context.audity().triggerAuditAnalysis(context.connection().audityToken(), run.projectId());
    }

    @Override
    public Transition decide(Run run, Outcome<?> outcome, Decisions decisions) {
        if (outcome.isSuccess()) {
            AsyncJob job = (AsyncJob) outcome.value();
            return Transition.advance(PollJobStep.NAME, decisions.now().plus(settings.pollInitial()),
                    "triggered", "job " + job.jobId()).job(job.jobId());
        }
        if (outcome.error().kind() == UpstreamErrorKind.PREREQUISITE_MISSING) {
            return Transition.waitOn(WaitForPrerequisitesStep.NAME, decisions.now().plus(settings.prerequisiteCheck()),
                    decisions.now().plus(settings.prerequisiteWait()), "prerequisite-missing",
                    outcome.error().message() + "; waiting up to " + settings.prerequisiteWait().toDays() + " days");
        }
        return decisions.fail(run, outcome.error());
    }
}
