package com.auditybridge.sim.audity;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A ReadyLink lead as the simulator stores it; {@code surveyStatus} changes when it is converted, and
 * {@code projectId} then names the project its latest conversion created (not on the wire).
 */
final class SimLead {
    final String id;
    final String accountKey;
    final Double aiReadinessScore;
    final Double compositeScore;
    final String webResearchStatus;
    final Instant createdAt;
    final String respondentName;
    final String respondentEmail;
    final String companyName;
    final String industry;
    final Map<String, Object> surveyResponses;
    volatile String surveyStatus;
    volatile String projectId;

    SimLead(
            String id,
            String accountKey,
            String surveyStatus,
            Double aiReadinessScore,
            Double compositeScore,
            String webResearchStatus,
            Instant createdAt,
            String respondentName,
            String companyName,
            String industry) {
        this.id = id;
        this.accountKey = accountKey;
        this.surveyStatus = surveyStatus;
        this.aiReadinessScore = aiReadinessScore;
        this.compositeScore = compositeScore;
        this.webResearchStatus = webResearchStatus;
        this.createdAt = createdAt;
        this.respondentName = respondentName;
        this.respondentEmail = respondentName.toLowerCase(Locale.ROOT).replace(' ', '.') + "@"
                + companyName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".example";
        this.companyName = companyName;
        this.industry = industry;
        this.surveyResponses = Map.of(
                "biggestChallenge", "Manual reporting eats two days a month",
                "currentAiUsage", aiReadinessScore != null && aiReadinessScore > 60 ? "pilots" : "none",
                "teamSize", "11-50",
                "budgetRange", "10k-50k");
    }

    boolean active() {
        return !"archived".equals(surveyStatus);
    }
}
