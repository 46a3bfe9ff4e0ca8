package com.auditybridge.sim.audity;

import com.auditybridge.sim.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** A lead on the wire; {@code surveyResponses} only in the detail answer. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record LeadView(
        String id,
        String surveyStatus,
        Double aiReadinessScore,
        Double compositeScore,
        String webResearchStatus,
        String createdAt,
        String respondentName,
        String respondentEmail,
        String companyName,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> surveyResponses) {

    static LeadView of(SimLead lead, boolean detail) {
        return new LeadView(
                lead.id,
                lead.surveyStatus,
                lead.aiReadinessScore,
                lead.compositeScore,
                lead.webResearchStatus,
                Timestamps.iso(lead.createdAt),
                lead.respondentName,
                lead.respondentEmail,
                lead.companyName,
                detail ? lead.surveyResponses : null);
    }
}
