package com.auditybridge.run.steps;

import com.auditybridge.run.Flow;
import com.auditybridge.run.FlowDefinition;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunInput;
import com.auditybridge.run.Step;
import com.auditybridge.run.paid.PaidSteps;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** trigger → wait for prerequisites on 422 → poll. */
@Singleton
public class ProjectAnalysisFlow implements FlowDefinition {
    private final AnalysisSteps analysis;

    public ProjectAnalysisFlow(FlowSettings settings, PaidSteps paid) {
        this.analysis = new AnalysisSteps(settings, paid);
    }

    @Override
    public Flow flow() {
        return Flow.PROJECT_ANALYSIS;
    }

    @Override
    public String firstStep(RunInput input) {
        return AnalysisTrigger.NAME;
    }

    @Override
    public Step<?> step(Run run) {
        return analysis.step(run.step());
    }

    @Override
    public Map<String, Object> result(Run run) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("projectId", run.projectId());
        result.put("jobId", run.jobId());
        result.put("analysisId", run.analysisId());
        return result;
    }
}
