package com.auditybridge.run.steps;

import com.auditybridge.connection.AuditPart;
import com.auditybridge.run.Flow;
import com.auditybridge.run.FlowDefinition;
import com.auditybridge.run.FlowGraph;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunInput;
import com.auditybridge.run.RunResult;
import com.auditybridge.run.Step;
import com.auditybridge.run.paid.PaidSteps;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** project-analysis: the analysis part of lead-to-audit ({@link LeadToAuditFlow#analysis}) on a given project. */
@Singleton
public class ProjectAnalysisFlow implements FlowDefinition {
    private final FlowGraph graph;

    public ProjectAnalysisFlow(FlowSettings settings, PaidSteps paid) {
        this.graph = FlowGraph.builder()
                .then(LeadToAuditFlow.analysis(settings, paid))
                .build();
    }

    @Override
    public Flow flow() {
        return Flow.PROJECT_ANALYSIS;
    }

    @Override
    public FlowGraph graph() {
        return graph;
    }

    @Override
    public boolean readsParts(RunInput input) {
        return true;
    }

    @Override
    public Step<?> reader(AuditPart part) {
        return graph.step(StepNames.read(part));
    }

    @Override
    public Map<String, Object> result(Run run) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(RunResult.PROJECT_ID, run.projectId());
        result.put(RunResult.JOB_ID, run.jobId());
        result.put(RunResult.ANALYSIS_ID, run.analysisId());
        return result;
    }
}
