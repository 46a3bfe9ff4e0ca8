package com.auditybridge.run;

import com.auditybridge.audity.ProjectPatch;
import com.auditybridge.connection.AuditPart;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * A hook's body after validation, as stored on the run. One shape serves every flow; the fields a
 * flow does not use stay null.
 *
 * @param analysis "async" (default) or "none", lead-to-audit only
 * @param notifyEvents   intermediate event types the caller also wants at its callback URL
 * @param include        the parts of the finished audit the run reads ({@link AuditPart} wire names), lead-to-audit
 *                       and project-analysis only: the hook's, or when it named none the connection's default,
 *                       resolved once at intake ({@link RunIntake}); null or empty: none
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInput(
        @Nullable String leadId,
        @Nullable String projectId,
        @Nullable ProjectPatch project,
        @Nullable ProjectPatch changes,
        @Nullable String analysis,
        @Nullable String repoUrl,
        @Nullable Boolean publishConsent,
        @Nullable String callbackUrl,
        @Nullable Map<String, Object> metadata,
        @JsonProperty("notify") @Nullable List<String> notifyEvents,
        @Nullable List<String> include) {

    /** lead-to-audit: the hook carried project fields to PATCH. */
    public boolean patchesProject() {
        return project != null && !project.isEmpty();
    }

    public boolean wantsAnalysis() {
        return !"none".equals(analysis);
    }

    public boolean notifies(String eventType) {
        return notifyEvents != null && notifyEvents.contains(eventType);
    }

    /** The parts of the finished audit the run reads, in reading order. */
    public List<AuditPart> parts() {
        return include == null ? List.of() : AuditPart.ordered(include);
    }

    public boolean includes(AuditPart part) {
        return parts().contains(part);
    }

    /** This input reading {@code parts}. */
    public RunInput withParts(List<AuditPart> parts) {
        return new RunInput(
                leadId,
                projectId,
                project,
                changes,
                analysis,
                repoUrl,
                publishConsent,
                callbackUrl,
                metadata,
                notifyEvents,
                parts.stream().map(AuditPart::wireName).toList());
    }
}
