package com.auditybridge.run.steps;

import com.auditybridge.audity.Project;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Run;
import com.auditybridge.run.Step;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lead was converted by a call whose answer was lost: its project is the newest one created since the
 * attempt and named after the lead's company (other leads converted meanwhile made projects too). Without
 * a name to match, the newest one created since the attempt.
 */
public final class RecoverProjectStep implements Step {
    public static final String NAME = "recover-project";
    /** Upstream and bridge clocks differ; a project this much older than the attempt may still be ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome<?> call(Run run, StepContext context) {
        Outcome<List<Project>> projects = context.audity().listProjects(context.connection().audityToken());
        if (!projects.isSuccess()) {
            return projects;
        }
        Instant since = run.convertAttemptedAt().minus(CLOCK_SKEW);
        List<Project> created = projects.value().stream()
                .filter(p -> p.createdAt() != null && !p.createdAt().isBefore(since)).toList();
        Object company = context.kept().get(ReconcileConversionStep.CONVERTED_LEAD) instanceof Map<?, ?> lead
                ? lead.get("companyName") : null;
        List<Project> named = created.stream().filter(p -> company != null && Objects.equals(company, p.clientName())).toList();
        return Outcome.success(200, (named.isEmpty() ? created : named).stream().max(Comparator.comparing(Project::createdAt)));
    }

    @Override
    public Transition decide(Run run, Outcome<?> outcome, Decisions decisions) {
        if (!outcome.isSuccess()) {
            UpstreamError error = outcome.error();
            return ReconcileConversionStep.unconfirmed(run, "could not list the projects: " + error.kind() + " " + error.message());
        }
        @SuppressWarnings("unchecked")
        Optional<Project> found = (Optional<Project>) outcome.value();
        return found.map(p -> decisions.advance(run, ConvertStep.NAME, "converted",
                        "recovered project " + p.id() + " after an unanswered convert call")
                .project(p.id()).conversionConfirmed().emit("lead.converted"))
                .orElseGet(() -> ReconcileConversionStep.unconfirmed(run,
                        "the lead is converted but no project created since the attempt was found"));
    }
}
