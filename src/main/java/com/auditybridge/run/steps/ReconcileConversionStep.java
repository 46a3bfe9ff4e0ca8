package com.auditybridge.run.steps;

import com.auditybridge.audity.Lead;
import com.auditybridge.audity.Project;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunError;
import com.auditybridge.run.Step;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A conversion was attempted and its answer lost. Read the lead: if it is converted, the project
 * it became is the newest one created since the attempt. If that cannot be established, the run
 * fails with CONVERSION_UNCONFIRMED for a human; it never pays a second time.
 */
public final class ReconcileConversionStep implements Step {
    /** Upstream and bridge clocks differ; a project this much older than the attempt may still be ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    @Override
    public String name() {
        return "reconcile-convert";
    }

    @Override
    public Outcome<?> call(Run run, StepContext context) {
        String token = context.connection().audityToken();
        Outcome<Lead> lead = context.audity().getLead(token, run.leadId());
        if (!lead.isSuccess()) {
            return lead;
        }
        if (!lead.value().converted()) {
            return Outcome.success(200, new Finding(false, Optional.empty()));
        }
        Outcome<List<Project>> projects = context.audity().listProjects(token);
        if (!projects.isSuccess()) {
            return projects;
        }
        Instant since = run.convertAttemptedAt().minus(CLOCK_SKEW);
        return Outcome.success(200, new Finding(true, projects.value().stream()
                .filter(p -> p.createdAt() != null && !p.createdAt().isBefore(since))
                .max(Comparator.comparing(Project::createdAt))));
    }

    @Override
    public boolean decidesTransient(UpstreamError error) {
        return error.kind() != UpstreamErrorKind.THROTTLED;
    }

    @Override
    public Transition decide(Run run, Outcome<?> outcome, Decisions decisions) {
        if (outcome.isSuccess()) {
            Finding finding = (Finding) outcome.value();
            if (!finding.leadConverted()) {
                return unconfirmed(run, "the lead is not marked converted after an unanswered convert call; "
                        + "check it in Audity before converting by hand");
            }
            return finding.project().map(p -> decisions.advance(run, ConvertStep.NAME, "converted",
                            "recovered project " + p.id() + " after an unanswered convert call")
                    .project(p.id()).conversionConfirmed().emit("lead.converted"))
                    .orElseGet(() -> unconfirmed(run, "the lead is converted but no project created since the attempt was found"));
        }
        UpstreamError error = outcome.error();
        if (error.isTransient()) {
            Transition retry = decisions.retryOrFail(run, error);
            return retry.error() == null ? retry : unconfirmed(run, "could not read the lead: " + error.message());
        }
        return unconfirmed(run, "could not read the lead: " + error.kind() + " " + error.message());
    }

    /** What the reads established. */
    record Finding(boolean leadConverted, Optional<Project> project) {
    }

    private static Transition unconfirmed(Run run, String why) {
        return Transition.fail(run.step(), new RunError("CONVERSION_UNCONFIRMED", why, null));
    }
}
