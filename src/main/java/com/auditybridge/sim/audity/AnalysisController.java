package com.auditybridge.sim.audity;

import com.auditybridge.sim.Faults;
import com.auditybridge.sim.PaidCall;
import com.auditybridge.sim.PaidCalls;
import com.auditybridge.sim.SimCounters;
import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The async audit analysis (a paid call: it spends AI budget) and the job it starts. */
@Controller("/sim/audity/api/agent")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class AnalysisController {
    private final AudityState state;
    private final Faults faults;
    private final SimCounters counters;
    private final PaidCalls paidCalls;

    AnalysisController(AudityState state, Faults faults, SimCounters counters, PaidCalls paidCalls) {
        this.state = state;
        this.faults = faults;
        this.counters = counters;
        this.paidCalls = paidCalls;
    }

    @Post("/projects/{id}/audit-analysis/async")
    Mono<MutableHttpResponse<?>> start(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id) {
        var found = state.project(account, id);
        if (found.isEmpty()) {
            return Mono.just(ProjectsController.notFound());
        }
        SimProject project = found.get();
        ProjectView view = ProjectView.of(project, state);
        if (!view.hasAnalysis() || !view.hasInterviewAnalysis()) {
            return Mono.just(SimResponses.error(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Document or interview analysis required but not found",
                    "PREREQUISITE_MISSING"));
        }
        if (project.tooLarge) {
            return Mono.just(SimResponses.error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Content too large to analyze"));
        }
        double cost = state.config.analysisCostUsd();
        synchronized (account) {
            if (account.analysisBudgetUsd < cost) {
                return Mono.just(HttpResponse.status(HttpStatus.PAYMENT_REQUIRED)
                        .body(Map.of(
                                "error",
                                "Estimated cost exceeds credit limit",
                                "code",
                                "QUOTA_EXCEEDED",
                                "details",
                                Map.of("estimatedCostUSD", cost, "limitUSD", account.analysisBudgetUsd))));
            }
            return paidCalls.run(PaidCall.trigger, project.id, Duration.ZERO, () -> commit(account, project, cost));
        }
    }

    /** Spends the budget and creates the job, which starts its clock now. */
    private MutableHttpResponse<?> commit(Account account, SimProject project, double cost) {
        synchronized (account) {
            account.analysisBudgetUsd -= cost;
        }
        Instant now = state.clock.instant();
        double failureRate =
                Math.max(state.config.jobFailureRate(), faults.settings().jobFailureRate());
        SimJob job = new SimJob(
                UUID.randomUUID().toString(),
                state.nextJobSequence(),
                project.id,
                account.key,
                now,
                state.config.jobPending(),
                state.config.drawProcessing(),
                faults.roll(failureRate));
        state.jobs.put(job.id(), job);
        counters.job(project.id);
        // AsyncJobStarted.status is the constant "pending" in the published contract, whatever the job does next.
        return HttpResponse.accepted()
                .body(Map.of(
                        "data",
                        Map.of(
                                "jobId",
                                job.id(),
                                "projectId",
                                project.id,
                                "status",
                                "pending",
                                "createdAt",
                                JobView.of(job, now).createdAt())));
    }

    @Get("/jobs/{id}")
    HttpResponse<?> job(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id) {
        return state.job(account, id)
                .<HttpResponse<?>>map(job -> HttpResponse.ok(Map.of("data", JobView.of(job, state.clock.instant()))))
                .orElseGet(() -> SimResponses.error(HttpStatus.NOT_FOUND, "Job not found"));
    }
}
