package com.auditybridge.run.steps;

import com.auditybridge.repoaudit.AuditStatus;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Exit;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Pacing;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunError;
import com.auditybridge.run.RunResult;
import com.auditybridge.run.RunStatus;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.StepNotes;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Poll the audit through its stages; each stage change is one timeline row, the finished audit the result. */
public final class PollRepoAuditStep extends PacedStep<AuditStatus> {

    public PollRepoAuditStep(FlowSettings settings) {
        super(StepNames.POLL_AUDIT, settings);
    }

    @Override
    public Outcome<AuditStatus> call(Run run, StepContext context) {
        return context.repoAudit().status(context.connection().repoAuditToken(), run.auditId());
    }

    @Override
    public Transition decide(Run run, Outcome<AuditStatus> outcome, Decisions decisions) {
        if (!outcome.isSuccess()) {
            return Transition.fail(outcome.error());
        }
        AuditStatus audit = outcome.value();
        String stage = audit.stage() == null ? audit.status() : audit.stage();
        if ("complete".equals(audit.status())) {
            return Transition.exit(Exit.DONE, decisions.now(), "completed", "audit complete: " + audit.entityId())
                    .withResult(RunResult.REPO_AUDIT, summary(audit));
        }
        if ("failed".equals(audit.status())) {
            return Transition.fail(new RunError(
                    "REPO_AUDIT_FAILED", audit.error() == null ? "the repo audit failed" : audit.error(), null));
        }
        Duration age = Duration.between(run.stepStartedAt(), decisions.now());
        Transition again = Transition.again(
                        RunStatus.RUNNING,
                        decisions.now().plus(Pacing.byAge(age, settings.repoPollInitial(), settings.repoPollMax())),
                        stage,
                        "audit " + audit.auditId() + " " + stage)
                .withNotes(new StepNotes(stage));
        return stage.equals(decisions.notes().auditStage()) ? again.quietly() : again;
    }

    private static Map<String, Object> summary(AuditStatus audit) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("auditId", audit.auditId());
        summary.put("repoUrl", audit.repoUrl());
        summary.put("status", audit.status());
        summary.put("entityId", audit.entityId());
        summary.put("markdown", audit.markdown());
        summary.put("neighbors", audit.neighbors());
        summary.put("createdAt", audit.createdAt());
        return summary;
    }
}
