package com.auditybridge.sim.audity;

import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** ReadyLink leads: list with Audity's two status vocabularies, and detail. */
@Controller("/sim/audity/api/lead-generation/leads")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class LeadsController {
    private static final Map<String, Function<SimLead, Comparable<?>>> SORT_KEYS = Map.of(
            "ai_readiness_score", l -> l.aiReadinessScore == null ? -1.0 : l.aiReadinessScore,
            "composite_score", l -> l.compositeScore == null ? -1.0 : l.compositeScore,
            "created_at", l -> l.createdAt);

    private final AudityState state;

    LeadsController(AudityState state) {
        this.state = state;
    }

    @Get
    HttpResponse<?> list(
            @RequestAttribute(AudityGateFilter.ACCOUNT) Account account,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String sortBy,
            @Nullable @QueryValue String sortOrder,
            @Nullable @QueryValue Integer limit,
            @Nullable @QueryValue Integer page) {
        LeadQuery query = new LeadQuery(status, sortBy, sortOrder, limit, page);
        if (!Set.of("active", "archived", "all").contains(query.status())
                || !SORT_KEYS.containsKey(query.sortBy())
                || !Set.of("asc", "desc").contains(query.sortOrder())
                || query.limit() < 1
                || query.page() < 1) {
            return SimResponses.error(HttpStatus.BAD_REQUEST, "Invalid query parameters");
        }
        List<SimLead> matching = state.leadsOf(account).stream()
                .filter(query::matches)
                .sorted(order(query))
                .toList();
        List<LeadView> pageOfLeads = matching.stream()
                .skip((long) (query.page() - 1) * query.limit())
                .limit(query.limit())
                .map(l -> LeadView.of(l, false))
                .toList();
        int totalPages = (matching.size() + query.limit() - 1) / query.limit();
        return HttpResponse.ok(Map.of(
                "data", pageOfLeads,
                "pagination",
                        Map.of(
                                "page",
                                query.page(),
                                "limit",
                                query.limit(),
                                "total",
                                matching.size(),
                                "totalPages",
                                totalPages),
                "filters", Map.of("status", query.status(), "sortBy", query.sortBy(), "sortOrder", query.sortOrder())));
    }

    @Get("/{id}")
    HttpResponse<?> detail(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id) {
        return state.lead(account, id)
                .<HttpResponse<?>>map(lead -> HttpResponse.ok(Map.of("lead", LeadView.of(lead, true))))
                .orElseGet(() -> SimResponses.error(HttpStatus.NOT_FOUND, "Lead not found"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<SimLead> order(LeadQuery query) {
        Function key = SORT_KEYS.get(query.sortBy());
        Comparator<SimLead> comparator = Comparator.comparing(key);
        return "desc".equals(query.sortOrder()) ? comparator.reversed() : comparator;
    }
}
