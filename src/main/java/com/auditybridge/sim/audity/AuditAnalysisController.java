package com.auditybridge.sim.audity;

import com.auditybridge.sim.Faults;
import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import com.auditybridge.sim.Timestamps;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reads of a finished audit, both inferred endpoints (their paths are documented, their inner shapes are not
 * published). The project's latest audit analysis: a newer job still pending or processing shows as {@code running}
 * unless an analysis completed after it was created; otherwise the most recently completed analysis. A project with
 * no job, or only failed ones, has none: 404. Its deliverables ({@code {success, data}}): those of the most recently
 * completed analysis, whatever runs since; none before one completed: 404. Both are reads (rate limited as reads,
 * counted per route) and fail with a 500 when the fault {@code failReads} names them.
 */
@Controller("/sim/audity/api/projects")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class AuditAnalysisController {
    private final AudityState state;
    private final Faults faults;

    AuditAnalysisController(AudityState state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    @Get("/{id}/audit-analysis")
    HttpResponse<?> latest(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id) {
        return read("audit-analysis", account, id, this::latest);
    }

    @Get("/{id}/deliverables")
    HttpResponse<?> deliverables(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id) {
        return read("deliverables", account, id, this::deliverables);
    }

    /** The fault first, then the project of the caller (404 for another's), then {@code answer}. */
    private HttpResponse<?> read(
            String name, Account account, String id, Function<SimProject, HttpResponse<?>> answer) {
        Optional<MutableHttpResponse<?>> failed = faults.failedRead(name);
        if (failed.isPresent()) {
            return failed.get();
        }
        return state.project(account, id).map(answer).orElseGet(ProjectsController::notFound);
    }

    private HttpResponse<?> latest(SimProject project) {
        Instant now = state.clock.instant();
        List<SimJob> jobs = state.jobsOf(project);
        if (jobs.isEmpty()) {
            return none();
        }
        SimJob newest = jobs.get(jobs.size() - 1);
        Optional<SimJob> completed = state.latestCompleted(project);
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

    private HttpResponse<?> deliverables(SimProject project) {
        Optional<SimJob> completed = state.latestCompleted(project);
        if (completed.isEmpty()) {
            return SimResponses.error(HttpStatus.NOT_FOUND, "No deliverables found");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", DeliverablesDocument.of(project, completed.get()));
        return HttpResponse.ok(body);
    }

    private static HttpResponse<?> none() {
        return SimResponses.error(HttpStatus.NOT_FOUND, "No audit analysis found");
    }
}
