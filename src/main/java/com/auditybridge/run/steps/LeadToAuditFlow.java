package com.auditybridge.run.steps;

import com.auditybridge.audity.ConvertResult;
import com.auditybridge.run.Flow;
import com.auditybridge.run.FlowDefinition;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunInput;
import com.auditybridge.run.Step;
import com.auditybridge.run.paid.PaidStep;
import com.auditybridge.run.paid.PaidSteps;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** convert (exactly once) → patch when fields are given → trigger unless analysis "none" → wait → poll. */
@Singleton
public class LeadToAuditFlow implements FlowDefinition {
    private final PaidStep<ConvertResult> convert;
    private final PatchProjectStep patch = new PatchProjectStep(RunInput::project);
    private final AnalysisSteps analysis;

    public LeadToAuditFlow(FlowSettings settings, PaidSteps paid) {
        this.convert = paid.of(Conversion.NAME, new Conversion());
        this.analysis = new AnalysisSteps(settings, paid);
    }

    @Override
    public Flow flow() {
        return Flow.LEAD_TO_AUDIT;
    }

    @Override
    public String firstStep(RunInput input) {
        return Conversion.NAME;
    }

    @Override
    public Step<?> step(Run run) {
        if (Conversion.NAME.equals(run.step())) {
            return convert;
        }
        return PatchProjectStep.NAME.equals(run.step()) ? patch : analysis.step(run.step());
    }

    @Override
    public Optional<String> after(String step, Run run, RunInput input) {
        boolean patchWanted = input.project() != null && !input.project().isEmpty();
        if (Conversion.NAME.equals(step) && patchWanted) {
            return Optional.of(PatchProjectStep.NAME);
        }
        if ((Conversion.NAME.equals(step) || PatchProjectStep.NAME.equals(step)) && input.wantsAnalysis()) {
            return Optional.of(AnalysisTrigger.NAME);
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
