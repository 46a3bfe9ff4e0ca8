package com.auditybridge.run.steps;

import com.auditybridge.repoaudit.AuditSubmission;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Run;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;

/**
 * Submit the repository. A 200 {@code deduped} answer is a success with the existing audit; the
 * global 3-in-flight cap (503 Retry-After) is a wait the runner honours, not a failure; the daily
 * quota (429) fails the run with QUOTA_EXCEEDED and the upstream's words.
 */
public final class SubmitRepoAuditStep extends PacedStep {
    public static final String NAME = "submit";

    public SubmitRepoAuditStep(FlowSettings settings) {
        super(NAME, settings);
    }

    @Override
    public Outcome<?> call(Run run, StepContext context) {
        return context.repoAudit().submit(context.connection().repoAuditToken(), context.input().repoUrl());
    }

    @Override
    public Transition decide(Run run, Outcome<?> outcome, Decisions decisions) {
        if (!outcome.isSuccess()) {
            return decisions.fail(run, outcome.error());
        }
        AuditSubmission submission = (AuditSubmission) outcome.value();
        if (submission.isDeduped()) {
            return Transition.advance(PollRepoAuditStep.NAME, decisions.now(), "deduped",
                    "audit " + submission.auditId() + " already complete within 24 h").audit(submission.auditId());
        }
        return Transition.advance(PollRepoAuditStep.NAME, decisions.now().plus(settings.repoPollInitial()),
                "submitted", "audit " + submission.auditId() + " " + submission.status()).audit(submission.auditId());
    }
}
