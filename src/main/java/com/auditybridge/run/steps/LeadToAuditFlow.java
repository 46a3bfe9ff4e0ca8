package com.auditybridge.run.steps;

import com.auditybridge.run.Flow;
import com.auditybridge.run.FlowDefinition;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunInput;
import com.auditybridge.run.Step;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** convert (exactly once) → patch when fields are given → trigger unless analysis "none" → wait → poll. */
@Singleton
public class LeadToAuditFlow implements FlowDefinition {
    private final ConvertStep convert = new ConvertStep();
    private final ReconcileConversionStep reconcile = new ReconcileConversionStep();
    private final RecoverProjectStep recover = new RecoverProjectStep();
    private final PatchProjectStep patch = new PatchProjectStep(RunInput::project);
    private final AnalysisSteps analysis;

    public LeadToAuditFlow(FlowSettings settings) {
        this.analysis = new AnalysisSteps(settings);
    }

    @Override
    public Flow flow() {
        return Flow.LEAD_TO_AUDIT;
    }

    @Override
    public String firstStep(RunInput input) {
        return ConvertStep.NAME;
    }

    @Override
    public Step step(Run run) {
        if (ConvertStep.NAME.equals(run.step())) {
            return run.conversionInDoubt() ? reconcile : convert;
        }
        if (RecoverProjectStep.NAME.equals(run.step())) {
            return recover;
        }
        return PatchProjectStep.NAME.equals(run.step()) ? patch : analysis.step(run.step());
    }

    @Override
    public Optional<String> after(String step, Run run, RunInput input) {
        boolean patchWanted = input.project() != null && !input.project().isEmpty();
        if (ConvertStep.NAME.equals(step) && patchWanted) {
            return Optional.of(PatchProjectStep.NAME);
        }
        if ((ConvertStep.NAME.equals(step) || PatchProjectStep.NAME.equals(step)) && input.wantsAnalysis()) {
            return Optional.of(TriggerAnalysisStep.NAME);
        }
        return Optional.empty();
    }

    @Override
    public Map<String, Object> result(Run run) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("leadId", run.leadId());
        result.put("projectId", run.projectId());
        result.put("jobId", run.jobId());
        result.put("analysisId", run.analysisId());
        return result;
    }
}
