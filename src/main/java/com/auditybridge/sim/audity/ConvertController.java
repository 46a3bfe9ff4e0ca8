package com.auditybridge.sim.audity;

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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The non-idempotent, paid conversion of a lead into a project: check, work ({@code sim.audity.convert-duration}),
 * commit. With no work and no hold, check and commit happen under the account's monitor, so racing calls convert
 * once; with work, or while held, a second convert of the same lead passes the check too and is charged again.
 */
@Controller("/sim/audity/api/lead-generation/leads")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class ConvertController {
    private final AudityState state;
    private final SimCounters counters;
    private final PaidCalls paidCalls;

    ConvertController(AudityState state, SimCounters counters, PaidCalls paidCalls) {
        this.state = state;
        this.counters = counters;
        this.paidCalls = paidCalls;
    }

    @Post("/{id}/convert")
    Mono<MutableHttpResponse<?>> convert(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id) {
        Optional<SimLead> found = state.lead(account, id);
        if (found.isEmpty()) {
            return Mono.just(SimResponses.error(HttpStatus.NOT_FOUND, "Lead not found"));
        }
        SimLead lead = found.get();
        synchronized (account) {
            if ("converted".equals(lead.surveyStatus)) {
                return Mono.just(SimResponses.error(HttpStatus.BAD_REQUEST, "Lead already converted"));
            }
            if (account.credits < AudityConfig.CONVERSION_COST) {
                return Mono.just(SimResponses.error(HttpStatus.PAYMENT_REQUIRED, "Insufficient credits"));
            }
            return paidCalls.run(
                    PaidCall.convert, lead.id, state.config.convertDuration(), () -> commit(account, lead));
        }
    }

    /** Charges, converts the lead and creates its project, whatever the account and lead look like by now. */
    private MutableHttpResponse<?> commit(Account account, SimLead lead) {
        SimProject project;
        synchronized (account) {
            account.credits -= AudityConfig.CONVERSION_COST;
            account.used += AudityConfig.CONVERSION_COST;
            lead.surveyStatus = "converted";
            project = new SimProject(UUID.randomUUID().toString(), account.key, lead, state.clock.instant());
            state.projects.put(project.id, project);
            lead.projectId = project.id;
            counters.conversion(lead.id, project.id);
        }
        return HttpResponse.created(Map.of(
                "success",
                true,
                "data",
                Map.of("auditId", project.id, "creditsUsed", AudityConfig.CONVERSION_COST, "pdfAttached", true)));
    }
}
