package com.auditybridge.run.steps;

import com.auditybridge.audity.AsyncJob;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Step;
import com.auditybridge.run.paid.PaidStep;
import com.auditybridge.run.paid.PaidSteps;

/** trigger → wait-prereqs → poll: the tail that lead-to-audit and project-analysis share. */
final class AnalysisSteps {
    private final PaidStep<AsyncJob> trigger;
    private final WaitForPrerequisitesStep waitForPrerequisites;
    private final PollJobStep poll;

    AnalysisSteps(FlowSettings settings, PaidSteps paid) {
        this.trigger = paid.of(AnalysisTrigger.NAME, new AnalysisTrigger(settings));
        this.waitForPrerequisites = new WaitForPrerequisitesStep(settings);
        this.poll = new PollJobStep(settings);
    }

    Step<?> step(String name) {
        return switch (name) {
            case AnalysisTrigger.NAME -> trigger;
            case WaitForPrerequisitesStep.NAME -> waitForPrerequisites;
            case PollJobStep.NAME -> poll;
            default -> throw new IllegalStateException("no analysis step named " + name);
        };
    }
}
