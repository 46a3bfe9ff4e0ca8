package com.auditybridge.sim.audity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;

/** An admin-added lead for the account of {@code token}; omitted fields get plausible demo values. */
@Serdeable
record NewLead(
        String token,
        @Nullable String surveyStatus,
        @Nullable Double aiReadinessScore,
        @Nullable Double compositeScore,
        @Nullable String webResearchStatus,
        @Nullable Integer daysOld,
        @Nullable String respondentName,
        @Nullable String companyName,
        @Nullable String industry) {

    SimLead toLead(String id, String accountKey, Instant now) {
        return new SimLead(
                id,
                accountKey,
                surveyStatus == null ? "completed" : surveyStatus,
                aiReadinessScore == null ? 80.0 : aiReadinessScore,
                compositeScore,
                webResearchStatus == null ? "not_started" : webResearchStatus,
                now.minus(Duration.ofDays(daysOld == null ? 0 : daysOld)),
                respondentName == null ? "Alex Morgan" : respondentName,
                companyName == null ? "Morgan Analytics" : companyName,
                industry == null ? "Professional Services" : industry);
    }
}
