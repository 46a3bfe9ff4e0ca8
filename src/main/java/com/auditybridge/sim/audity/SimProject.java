package com.auditybridge.sim.audity;

import java.time.Duration;
import java.time.Instant;

/** A project created by a conversion. Analyses are derived from the clock unless an admin overrides them. */
final class SimProject {
    final String id;
    final String accountKey;
    final String leadId;
    final Instant createdAt;
    String clientName;
    String industry;
    String companySize;
    String description;
    String currency = "USD";
    String status = "setup";
    Instant updatedAt;
    Boolean analysisOverride;
    Boolean interviewOverride;
    boolean tooLarge;

    SimProject(String id, String accountKey, SimLead lead, Instant now) {
        this.id = id;
        this.accountKey = accountKey;
        this.leadId = lead.id;
        this.createdAt = now;
        this.updatedAt = now;
        this.clientName = lead.companyName;
        this.industry = lead.industry;
        this.companySize = "11-50";
        this.description = "Converted from the ReadyLink lead of " + lead.respondentName + ".";
    }

    /** Conversion seeds the business analysis, so it exists from the start. */
    synchronized boolean hasAnalysis() {
        return analysisOverride == null || analysisOverride;
    }

    synchronized boolean hasInterviewAnalysis(Instant now, Duration delay) {
        return interviewOverride != null ? interviewOverride : !now.isBefore(createdAt.plus(delay));
    }
}
