package com.auditybridge.run.steps;

import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Step;

/** trigger → wait-prereqs → poll: the tail that lead-to-audit and project-analysis share. */
final class AnalysisSteps {
    private final TriggerAnalysisStep trigger;
    private final WaitForPrerequisitesStep waitForPrerequisites;
    private final PollJobStep poll;

    AnalysisSteps(FlowSettings settings) {
        this.trigger = new TriggerAnalysisStep(settings);
        this.waitForPrerequisites = new WaitForPrerequisitesStep(settings);
        this.poll = new PollJobStep(settings);
    }

    Step step(String name) {
        return switch (name) {
            case TriggerAnalysisStep.NAME -> trigger;
            case WaitForPrerequisitesStep.NAME -> waitForPrerequisites;
            case PollJobStep.NAME -> poll;
            default -> throw new IllegalStateException("no analysis step named " + name);
        };
    }
}
