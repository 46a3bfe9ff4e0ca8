package com.auditybridge.run.steps;

import com.auditybridge.audity.Project;
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
import java.time.Instant;

/** Re-read the project on a growing interval until both analyses exist; give up at the deadline. */
public final class WaitForPrerequisitesStep extends PacedStep<Project> {

    public WaitForPrerequisitesStep(FlowSettings settings) {
        super(StepNames.WAIT_FOR_PREREQUISITES, settings);
    }

    @Override
    public Outcome<Project> call(Run run, StepContext context) {
        return context.audity().getProject(context.connection().audityToken(), run.projectId());
    }

    @Override
    public Transition decide(Run run, Outcome<Project> outcome, Decisions decisions) {
        if (!outcome.isSuccess()) {
            return Transition.fail(outcome.error());
        }
        Project project = outcome.value();
        if (project.prerequisitesMet()) {
            return Transition.exit(
                    Exit.DONE, decisions.now(), "prerequisites-met", "document and interview analyses exist");
        }
        if (run.waitDeadline() != null && !decisions.now().isBefore(run.waitDeadline())) {
            return Transition.fail(new RunError(
                    "PREREQUISITE_MISSING",
                    "the project still lacks its document or interview analysis after waiting until "
                            + run.waitDeadline(),
                    422));
        }
        // Paced by the time since the first 422, not since this wait began: a project that keeps answering 422 after
        // looking ready is re-triggered less and less often instead of on a fixed loop.
        Instant firstMissing = run.waitDeadline() == null
                ? run.stepStartedAt()
                : run.waitDeadline().minus(settings.prerequisiteWait());
        Duration waited = Duration.between(firstMissing, decisions.now());
        Duration next = Pacing.byAge(waited, settings.prerequisiteCheck(), settings.prerequisiteMax());
        return Transition.again(
                RunStatus.WAITING,
                decisions.now().plus(next),
                "still-missing",
                "analysis " + project.hasAnalysis() + ", interview analysis " + project.hasInterviewAnalysis());
    }
}
