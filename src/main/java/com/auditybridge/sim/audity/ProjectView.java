package com.auditybridge.sim.audity;

import com.auditybridge.sim.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A project as list, detail and PATCH answer it (as documented), analyses resolved against the clock. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ProjectView(
        String id,
        String clientName,
        String industry,
        String companySize,
        String description,
        String currency,
        String status,
        String statusLabel,
        String createdAt,
        String updatedAt,
        boolean hasAnalysis,
        boolean hasInterviewAnalysis,
        boolean hasAuditAnalysis,
        boolean hasQuestionnaires,
        boolean hasDeliverables,
        int documentsCount,
        int stakeholdersCount,
        int analysisProgress) {

    static ProjectView of(SimProject p, AudityState state) {
        synchronized (p) {
            boolean analysis = p.hasAnalysis();
            boolean interview = p.hasInterviewAnalysis(state.clock.instant(), state.config.interviewAnalysisDelay());
            boolean audit = state.hasAuditAnalysis(p);
            int progress = (analysis ? 40 : 0) + (interview ? 30 : 0) + (audit ? 30 : 0);
            return new ProjectView(
                    p.id,
                    p.clientName,
                    p.industry,
                    p.companySize,
                    p.description,
                    p.currency,
                    p.status,
                    "Setup",
                    Timestamps.iso(p.createdAt),
                    Timestamps.iso(p.updatedAt),
                    analysis,
                    interview,
                    audit,
                    false,
                    // Deliverables are made with each completed audit analysis.
                    audit,
                    1,
                    0,
                    progress);
        }
    }
}
