package com.auditybridge.sim.audity;

import com.auditybridge.sim.Faults;
import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The async audit analysis and the job it starts (seeds 000 and 001). */
@Controller("/sim/audity/api/agent")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class AnalysisController {
    private final AudityState state;
    private final Faults faults;

    AnalysisController(AudityState state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    @Post("/projects/{id}/audit-analysis/async")
    HttpResponse<?> start(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id) {
        var found = state.project(account, id);
        if (found.isEmpty()) {
            return ProjectsController.notFound();
        }
        SimProject project = found.get();
        ProjectView view = ProjectView.of(project, state);
        if (!view.hasAnalysis() || !view.hasInterviewAnalysis()) {
            return SimResponses.error(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Document or interview analysis required but not found", "PREREQUISITE_MISSING");
        }
        if (project.tooLarge) {
            return SimResponses.error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Content too large to analyze");
        }
        double cost = state.config.analysisCostUsd();
        synchronized (account) {
            if (account.analysisBudgetUsd < cost) {
                return HttpResponse.status(HttpStatus.PAYMENT_REQUIRED).body(Map.of(
                        "error", "Estimated cost exceeds credit limit", "code", "QUOTA_EXCEEDED",
                        "details", Map.of("estimatedCostUSD", cost, "limitUSD", account.analysisBudgetUsd)));
            }
            account.analysisBudgetUsd -= cost;
        }
        Instant now = state.clock.instant();
        double failureRate = Math.max(state.config.jobFailureRate(), faults.settings().jobFailureRate());
        SimJob job = new SimJob(UUID.randomUUID().toString(), project.id, account.key, now,
                state.config.jobPending(), state.config.drawProcessing(), faults.roll(failureRate));
        state.jobs.put(job.id(), job);
        // Seed 000: AsyncJobStarted.status is the constant "pending", whatever the job does next.
        return HttpResponse.accepted().body(Map.of("data", Map.of("jobId", job.id(), "projectId", project.id,
                "status", "pending", "createdAt", JobView.of(job, now).createdAt())));
    }

    @Get("/jobs/{id}")
    HttpResponse<?> job(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id) {
        return state.job(account, id)
                .<HttpResponse<?>>map(job -> HttpResponse.ok(Map.of("data", JobView.of(job, state.clock.instant()))))
                .orElseGet(() -> SimResponses.error(HttpStatus.NOT_FOUND, "Job not found"));
    }
}
