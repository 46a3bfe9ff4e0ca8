package com.auditybridge.run.steps;

import static com.auditybridge.run.Exit.DONE;
import static com.auditybridge.run.Exit.PREREQUISITES_MISSING;
import static com.auditybridge.run.Exit.STARTED;
import static com.auditybridge.run.steps.StepNames.CONVERT;
import static com.auditybridge.run.steps.StepNames.PATCH;
import static com.auditybridge.run.steps.StepNames.POLL;
import static com.auditybridge.run.steps.StepNames.READ_ANALYSIS;
import static com.auditybridge.run.steps.StepNames.READ_DELIVERABLES;
import static com.auditybridge.run.steps.StepNames.TRIGGER;
import static com.auditybridge.run.steps.StepNames.WAIT_FOR_PREREQUISITES;

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
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * lead-to-audit, the whole of it. The lead is converted exactly once (a paid call); the project is patched when the
 * hook carried fields; unless the hook said {@code analysis: "none"}, the audit analysis is triggered (a paid call),
 * waiting first for the project's document and interview analyses when Audity refuses without them, and its job is
 * polled to the end; then the parts of the finished audit the run asked for are read. The result is the lead's
 * project and, when there was one, the analysis and its parts.
 */
@Singleton
public class LeadToAuditFlow implements FlowDefinition {
    private final FlowGraph graph;

    public LeadToAuditFlow(FlowSettings settings, PaidSteps paid) {
        this.graph = FlowGraph.builder()
                .step(paid.of(CONVERT, new Conversion()))
                .on(DONE, PATCH, RunInput::patchesProject)
                .on(DONE, TRIGGER, RunInput::wantsAnalysis)
                .endsOn(DONE)
                .step(new PatchProjectStep(RunInput::project))
                .on(DONE, TRIGGER, RunInput::wantsAnalysis)
                .endsOn(DONE)
                .then(analysis(settings, paid))
                .build();
    }

    /**
     * The analysis of a project, which project-analysis runs on its own: trigger the job and poll it; on a 422 wait
     * for the project's analyses, then trigger again. A trigger whose answer was lost may find the analysis already
     * made (run.paid): nothing is left to poll then. The analysis done, the parts the run asked for are read, the
     * analysis before the deliverables, and the run ends.
     */
    static UnaryOperator<FlowGraph.Builder> analysis(FlowSettings settings, PaidSteps paid) {
        return flow -> flow.step(paid.of(TRIGGER, new AnalysisTrigger(settings)))
                .on(STARTED, POLL)
                .on(PREREQUISITES_MISSING, WAIT_FOR_PREREQUISITES)
                .then(analysisDone())
                .step(new WaitForPrerequisitesStep(settings))
                .on(DONE, TRIGGER)
                .step(new PollJobStep(settings))
                .then(analysisDone())
                .step(new ReadPartStep(AuditPart.ANALYSIS))
                .on(DONE, READ_DELIVERABLES, asks(AuditPart.DELIVERABLES))
                .endsOn(DONE)
                .step(new ReadPartStep(AuditPart.DELIVERABLES))
                .endsOn(DONE);
    }

    /** The ways on once the analysis is done: to the first part the run asked for, or to the end. */
    private static UnaryOperator<FlowGraph.Builder> analysisDone() {
        return flow -> flow.on(DONE, READ_ANALYSIS, asks(AuditPart.ANALYSIS))
                .on(DONE, READ_DELIVERABLES, asks(AuditPart.DELIVERABLES))
                .endsOn(DONE);
    }

    private static Predicate<RunInput> asks(AuditPart part) {
        return input -> input.includes(part);
    }

    @Override
    public Flow flow() {
        return Flow.LEAD_TO_AUDIT;
    }

    @Override
    public FlowGraph graph() {
        return graph;
    }

    @Override
    public boolean readsParts(RunInput input) {
        return input.wantsAnalysis();
    }

    @Override
    public Step<?> reader(AuditPart part) {
        return graph.step(StepNames.read(part));
    }

    @Override
    public Map<String, Object> result(Run run) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(RunResult.LEAD_ID, run.leadId());
        result.put(RunResult.PROJECT_ID, run.projectId());
        result.put(RunResult.JOB_ID, run.jobId());
        result.put(RunResult.ANALYSIS_ID, run.analysisId());
        return result;
    }
}
