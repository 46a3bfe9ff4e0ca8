package com.auditybridge.run.steps;

import com.auditybridge.repoaudit.AuditSubmission;
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

/** submit (200 deduped is success) → poll the stages → the markdown critique and its neighbors. */
@Singleton
public class RepoAuditFlow implements FlowDefinition {
    private final PaidStep<AuditSubmission> submit;
    private final PollRepoAuditStep poll;

    public RepoAuditFlow(FlowSettings settings, PaidSteps paid) {
        this.submit = paid.of(RepoAuditSubmission.NAME, new RepoAuditSubmission(settings));
        this.poll = new PollRepoAuditStep(settings);
    }

    @Override
    public Flow flow() {
        return Flow.REPO_AUDIT;
    }

    @Override
    public String firstStep(RunInput input) {
        return RepoAuditSubmission.NAME;
    }

    @Override
    public Step<?> step(Run run) {
        return RepoAuditSubmission.NAME.equals(run.step()) ? submit : poll;
    }

    @Override
    public Map<String, Object> result(Run run) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("auditId", run.auditId());
        return result;
    }
}
