package com.auditybridge.sim.audity;

import com.auditybridge.sim.SimCounters;
import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The non-idempotent, paid conversion of a lead into a project. */
@Controller("/sim/audity/api/lead-generation/leads")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class ConvertController {
    private final AudityState state;
    private final SimCounters counters;

    ConvertController(AudityState state, SimCounters counters) {
        this.state = state;
        this.counters = counters;
    }

    @Post("/{id}/convert")
    HttpResponse<?> convert(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id) {
        Optional<SimLead> found = state.lead(account, id);
        if (found.isEmpty()) {
            return SimResponses.error(HttpStatus.NOT_FOUND, "Lead not found");
        }
        SimLead lead = found.get();
        // One monitor per account makes check-charge-convert atomic, so racing calls convert once.
        synchronized (account) {
            if ("converted".equals(lead.surveyStatus)) {
                return SimResponses.error(HttpStatus.BAD_REQUEST, "Lead already converted");
            }
            if (account.credits < AudityConfig.CONVERSION_COST) {
                return SimResponses.error(HttpStatus.PAYMENT_REQUIRED, "Insufficient credits");
            }
            account.credits -= AudityConfig.CONVERSION_COST;
            account.used += AudityConfig.CONVERSION_COST;
            lead.surveyStatus = "converted";
            SimProject project = new SimProject(UUID.randomUUID().toString(), account.key, lead, state.clock.instant());
            state.projects.put(project.id, project);
            counters.conversion(lead.id);
            return HttpResponse.created(Map.of("success", true, "data", Map.of(
                    "auditId", project.id, "creditsUsed", AudityConfig.CONVERSION_COST, "pdfAttached", true)));
        }
    }
}
