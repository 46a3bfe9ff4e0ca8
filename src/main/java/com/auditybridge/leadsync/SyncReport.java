package com.auditybridge.leadsync;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What one sync did, or in a dry run would do. An empty list is shown as one ({@code []}), not left out.
 *
 * @param arrived           leads seen for the first time (lead.arrived emitted, or would be)
 * @param converted         leads handed to lead-to-audit (or that would be), with their run ids when real
 * @param canCreateProject  Audity's answer before the conversions (absent when no lead was a candidate)
 * @param projectsRemaining Audity's answer before the conversions (absent when no lead was a candidate)
 * @param creditsBefore     the balance Audity gave, an inferred field (absent when it gave none)
 * @param creditsSpent      credits the conversions cost (1,000 each), or would cost
 */
@Serdeable
public record SyncReport(
        boolean dryRun,
        int leadsRead,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> arrived,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Conversion> converted,
        @Nullable Boolean canCreateProject,
        @Nullable Integer projectsRemaining,
        @Nullable Long creditsBefore,
        long creditsSpent,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Skipped> skipped) {

    @Serdeable
    public record Conversion(String leadId, @Nullable String runId) {}

    @Serdeable
    public record Skipped(String leadId, String reason) {}
}
