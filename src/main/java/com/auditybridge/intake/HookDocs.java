package com.auditybridge.intake;

import com.auditybridge.callback.EventTypes;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The hook bodies as the generated OpenAPI documents them. The bridge parses bodies itself
 * ({@link HookBodies}); these types only describe them, and a test holds them equal to the JSON
 * Schemas in {@code schemas/hooks}.
 */
final class HookDocs {
    private static final String CALLBACK =
            "Where the one final event is POSTed, signed (Standard Webhooks); used exactly as given, query string included.";
    private static final String METADATA = "Any JSON object, echoed back in every event of the run.";
    private static final String NOTIFY = "Intermediate event types also sent to callbackUrl.";
    private static final String INCLUDE = "Parts of the finished audit to read once the analysis is done and carry in"
            + " the result and the final event exactly as Audity answers them (analysis: GET"
            + " /api/projects/{id}/audit-analysis; deliverables: the data of GET /api/projects/{id}/deliverables)."
            + " Absent: the connection's default (none unless set); []: none.";

    private HookDocs() {}

    @Schema(description = "Audity's PATCH fields and limits; unknown fields are refused.")
    record ProjectFields(
            @Schema(minLength = 1, maxLength = 200) String clientName,
            @Schema(minLength = 1, maxLength = 100) String industry,
            @Schema(maxLength = 50) String companySize,

            @Schema(maxLength = 5000, description = "Longer: 400 DESCRIPTION_TOO_LONG.")
            String description,

            @Schema(pattern = "^[A-Za-z]{3}$", description = "ISO 4217, e.g. USD.")
            String currency) {}

    @Schema(description = "schemas/hooks/lead-arrived.schema.json; unknown members are refused (400).")
    record LeadArrived(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    minLength = 1,
                    maxLength = 200,
                    description = "No whitespace, control or invisible characters, slash or backslash.")
            String leadId,

            @Schema(description = "Fields to PATCH onto the project the lead becomes.")
            ProjectFields project,

            @Schema(
                    allowableValues = {"async", "none"},
                    defaultValue = "async")
            String analysis,

            @Schema(format = "uri", maxLength = 2048, description = CALLBACK)
            String callbackUrl,

            @Schema(type = "object", description = METADATA) Object metadata,

            @Schema(description = NOTIFY) @JsonProperty("notify")
            List<EventType> notifyTypes,

            @Schema(description = INCLUDE + " Not with analysis none.")
            List<Part> include) {}

    @Schema(description = "schemas/hooks/analysis-requested.schema.json; unknown members are refused (400).")
    record AnalysisRequested(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
            String projectId,

            @Schema(format = "uri", maxLength = 2048, description = CALLBACK)
            String callbackUrl,

            @Schema(type = "object", description = METADATA) Object metadata,

            @Schema(description = NOTIFY) @JsonProperty("notify")
            List<EventType> notifyTypes,

            @Schema(description = INCLUDE) List<Part> include) {}

    @Schema(description = "schemas/hooks/project-update.schema.json; unknown members are refused (400).")
    record ProjectUpdate(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
            String projectId,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "At least one field, else 400 EMPTY_PATCH.")
            ProjectFields changes,

            @Schema(format = "uri", maxLength = 2048, description = CALLBACK)
            String callbackUrl,

            @Schema(type = "object", description = METADATA) Object metadata,

            @Schema(description = NOTIFY) @JsonProperty("notify")
            List<EventType> notifyTypes) {}

    @Schema(description = "schemas/hooks/repo-audit-requested.schema.json; unknown members are refused (400).")
    record RepoAuditRequested(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 300,
                    example = "https://github.com/owner/repo")
            String repoUrl,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Must be true: repo audits are public.")
            boolean publishConsent,

            @Schema(format = "uri", maxLength = 2048, description = CALLBACK)
            String callbackUrl,

            @Schema(type = "object", description = METADATA) Object metadata,

            @Schema(description = NOTIFY) @JsonProperty("notify")
            List<EventType> notifyTypes) {}

    @Schema(description = "schemas/hooks/audity-webhook.schema.json; Audity may add members.")
    record AudityWebhook(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "1")
            String version,

            @Schema(description = "Or the X-Audity-Event header.", example = "analysis_generated")
            String event,

            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            String timestamp,

            @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED)
            Object data) {}

    @Schema(description = "202 (queued), or 200 with deduped true for a run seen before.")
    record HookAnswer(String runId, String flow, String status, String statusUrl, Boolean deduped) {}

    @Schema(name = "AuditPart", description = "A part of the finished audit (connection/AuditPart).")
    enum Part {
        @JsonProperty("analysis")
        ANALYSIS,
        @JsonProperty("deliverables")
        DELIVERABLES
    }

    @Schema(name = "EventType")
    enum EventType {
        @JsonProperty(EventTypes.LEAD_ARRIVED)
        LEAD_ARRIVED,
        @JsonProperty(EventTypes.LEAD_CONVERTED)
        LEAD_CONVERTED,
        @JsonProperty(EventTypes.AUDIT_COMPLETED)
        AUDIT_COMPLETED,
        @JsonProperty(EventTypes.ANALYSIS_COMPLETED)
        ANALYSIS_COMPLETED,
        @JsonProperty(EventTypes.PROJECT_UPDATED)
        PROJECT_UPDATED,
        @JsonProperty(EventTypes.REPO_AUDIT_COMPLETED)
        REPO_AUDIT_COMPLETED,
        @JsonProperty(EventTypes.RUN_FAILED)
        RUN_FAILED
    }
}
