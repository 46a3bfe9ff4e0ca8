package com.auditybridge.run.steps;

import static com.auditybridge.run.Exit.DONE;
import static com.auditybridge.run.Exit.STARTED;
import static com.auditybridge.run.steps.StepNames.POLL_AUDIT;
import static com.auditybridge.run.steps.StepNames.SUBMIT;

import com.auditybridge.run.Flow;
import com.auditybridge.run.FlowDefinition;
import com.auditybridge.run.FlowGraph;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunResult;
import com.auditybridge.run.paid.PaidSteps;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * repo-audit: submit the repository (a paid call; a 200 {@code deduped} answer is a success), then poll the audit
 * through its stages; the result is the markdown critique and its neighbours.
 */
@Singleton
public class RepoAuditFlow implements FlowDefinition {
    private final FlowGraph graph;

    public RepoAuditFlow(FlowSettings settings, PaidSteps paid) {
        this.graph = FlowGraph.builder()
                .step(paid.of(SUBMIT, new RepoAuditSubmission(settings)))
                .on(STARTED, POLL_AUDIT)
                .step(new PollRepoAuditStep(settings))
                .endsOn(DONE)
                .build();
    }

    @Override
    public Flow flow() {
        return Flow.REPO_AUDIT;
    }

    @Override
    public FlowGraph graph() {
        return graph;
    }

    @Override
    public Map<String, Object> result(Run run) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(RunResult.AUDIT_ID, run.auditId());
        return result;
    }
}
