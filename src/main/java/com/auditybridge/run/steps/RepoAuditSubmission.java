package com.auditybridge.run.steps;

import com.auditybridge.repoaudit.AuditSubmission;
import com.auditybridge.repoaudit.AuditSummary;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Exit;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Run;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.run.paid.Evidence;
import com.auditybridge.run.paid.PaidCall;
import com.auditybridge.run.paid.PaidCallKind;
import com.auditybridge.run.paid.Progress;
import com.auditybridge.upstream.Outcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Submitting the repository (one of a few audits a day). A 200 {@code deduped} answer is a success with the existing
 * audit; the global 3-in-flight cap (503 Retry-After) is a wait; the daily quota (429) fails the run with
 * QUOTA_EXCEEDED and the upstream's words. After a lost answer, a signed-in caller's audit history (newest first) is
 * the evidence; an anonymous caller has none, so after the settle window one more submit is sent, which a finished
 * first audit answers as deduped, free.
 */
public final class RepoAuditSubmission implements PaidCall<AuditSubmission> {
    private final FlowSettings settings;

    public RepoAuditSubmission(FlowSettings settings) {
        this.settings = settings;
    }

    @Override
    public PaidCallKind kind() {
        return PaidCallKind.SUBMIT;
    }

    @Override
    public String token(StepContext context) {
        return context.connection().repoAuditToken();
    }

    @Override
    public String subject(Run run, StepContext context) {
        return context.input().repoUrl();
    }

    @Override
    public Outcome<AuditSubmission> send(Run run, StepContext context, BooleanSupplier intent) {
        return context.repoAudit().submit(token(context), context.input().repoUrl(), intent);
    }

    @Override
    public String idOf(AuditSubmission answer) {
        return answer.auditId();
    }

    @Override
    public Evidence look(Run run, StepContext context, Look look) {
        if (token(context) == null) {
            return new Evidence.NotDone("an anonymous caller has no audit history to read", false);
        }
        Outcome<List<AuditSummary>> history = context.repoAudit().history(token(context));
        if (!history.isSuccess()) {
            return new Evidence.Unreadable(history.error());
        }
        String repo = context.input().repoUrl();
        Optional<AuditSummary> ours = history.value().stream()
                .filter(a -> repo.equalsIgnoreCase(a.repoUrl()) && !createdBefore(a, look.since()))
                .findFirst();
        return ours.<Evidence>map(a -> new Evidence.Done(
                        a.auditId(),
                        "audit " + a.auditId() + " of " + repo + " is in the caller's history since the submit"))
                .orElseGet(() -> new Evidence.NotDone(
                        "no audit of " + repo + " since the submit in the caller's history", true));
    }

    private static boolean createdBefore(AuditSummary audit, Instant since) {
        try {
            return audit.createdAt() != null
                    && OffsetDateTime.parse(audit.createdAt()).toInstant().isBefore(since);
        } catch (DateTimeParseException unreadable) {
            return false;
        }
    }

    @Override
    public Transition done(Run run, Progress.Done<AuditSubmission> done, Decisions decisions) {
        AuditSubmission answer = done.answer();
        Transition started;
        if (answer != null && answer.isDeduped()) {
            started = Transition.exit(
                    Exit.STARTED, decisions.now(), "deduped", "audit " + done.id() + " already complete within 24 h");
        } else if (answer == null) {
            started = Transition.exit(Exit.STARTED, decisions.now(), "submitted", done.what());
        } else {
            started = Transition.exit(
                    Exit.STARTED,
                    decisions.now().plus(settings.repoPollInitial()),
                    "submitted",
                    "audit " + done.id() + " " + answer.status());
        }
        return started.withAudit(done.id());
    }

    @Override
    public String unconfirmedCode() {
        return "REPO_AUDIT_UNCONFIRMED";
    }
}
