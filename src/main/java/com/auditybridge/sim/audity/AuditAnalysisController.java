package com.auditybridge.sim.audity;

import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import com.auditybridge.sim.Timestamps;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project's latest audit analysis (an inferred endpoint: the path and shape are not published). A newer job
 * still pending or processing shows as {@code running} unless an analysis completed after it was created; otherwise
 * the most recently completed analysis. A project with no job, or only failed ones, has none: 404.
 */
@Controller("/sim/audity/api/projects")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class AuditAnalysisController {
    private final AudityState state;

    AuditAnalysisController(AudityState state) {
        this.state = state;
    }

    @Get("/{id}/audit-analysis")
    HttpResponse<?> latest(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id) {
        var found = state.project(account, id);
        if (found.isEmpty()) {
            return ProjectsController.notFound();
        }
        SimProject project = found.get();
        Instant now = state.clock.instant();
        List<SimJob> jobs = state.jobsOf(project);
        if (jobs.isEmpty()) {
            return none();
        }
        SimJob newest = jobs.get(jobs.size() - 1);
        Optional<SimJob> completed = jobs.stream()
                .filter(j -> j.completedBy(now))
                .max(Comparator.comparing(SimJob::finishedAt).thenComparingLong(SimJob::sequence));
        boolean newestRunning = List.of("pending", "processing").contains(newest.status(now));
        if (newestRunning
                && completed
                        .map(c -> !c.finishedAt().isAfter(newest.createdAt()))
                        .orElse(true)) {
            Map<String, Object> running = new LinkedHashMap<>();
            running.put("id", null);
            running.put("projectId", project.id);
            running.put("status", "running");
            running.put("createdAt", Timestamps.iso(newest.createdAt()));
            return HttpResponse.ok(running);
        }
        if (completed.isEmpty()) {
            return none();
        }
        SimJob job = completed.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.analysisId());
        body.put("projectId", project.id);
        body.put("jobId", job.id());
        body.put("status", "completed");
        body.put("createdAt", Timestamps.iso(job.createdAt()));
        body.put("completedAt", Timestamps.iso(job.finishedAt()));
        body.put("analysis", AnalysisDocument.of(project));
        return HttpResponse.ok(body);
    }

    private static HttpResponse<?> none() {
        return SimResponses.error(HttpStatus.NOT_FOUND, "No audit analysis found");
    }
}
