package com.auditybridge.admin;

import com.auditybridge.callback.WebhookSignature;
import com.auditybridge.connection.AuditPart;
import com.auditybridge.connection.PrivateNetworks;
import com.auditybridge.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What the admin API accepts. {@code toString} of a body never shows a token or a secret. */
final class ConnectionBodies {
    private static final Pattern AUDITY_TOKEN = Pattern.compile("aky_[A-Za-z0-9]{32}");

    private ConnectionBodies() {}

    /**
     * POST and PATCH alike: on PATCH every member is optional; an empty repoAuditToken removes it, an empty
     * callbackPrivateNetworks or include list clears it.
     */
    @Serdeable
    record ConnectionBody(
            @Nullable String name,
            @Nullable String audityToken,
            @Nullable String repoAuditToken,
            @Nullable String signingSecret,
            @Nullable LeadSyncBody leadSync,
            @Nullable Integer requestsPerMinute,
            @Nullable List<String> callbackPrivateNetworks,
            @Nullable List<String> include) {
        @Override
        public String toString() {
            return "ConnectionBody[" + name + ", secrets hidden]";
        }

        List<Problem.FieldError> errors(boolean creating) {
            List<Problem.FieldError> errors = new ArrayList<>();
            if (creating
                    ? name == null || name.isBlank() || name.length() > 200
                    : name != null && (name.isBlank() || name.length() > 200)) {
                errors.add(new Problem.FieldError("name", "is required, at most 200 characters"));
            }
            if (creating
                    ? audityToken == null || !AUDITY_TOKEN.matcher(audityToken).matches()
                    : audityToken != null && !AUDITY_TOKEN.matcher(audityToken).matches()) {
                errors.add(new Problem.FieldError(
                        "audityToken", "must be an Audity personal access token (aky_ and 32 letters or digits)"));
            }
            if (repoAuditToken != null && repoAuditToken.length() > 500) {
                errors.add(new Problem.FieldError("repoAuditToken", "must be at most 500 characters"));
            }
            if (signingSecret != null && !WebhookSignature.isValid(signingSecret)) {
                errors.add(
                        new Problem.FieldError("signingSecret", "must be whsec_ and the base64 of at least 16 bytes"));
            }
            if (requestsPerMinute != null && (requestsPerMinute < 1 || requestsPerMinute > 100_000)) {
                errors.add(new Problem.FieldError("requestsPerMinute", "must be between 1 and 100000"));
            }
            if (leadSync != null) {
                errors.addAll(leadSync.errors());
            }
            if (callbackPrivateNetworks != null) {
                PrivateNetworks.problems(callbackPrivateNetworks).stream()
                        .map(why -> new Problem.FieldError("callbackPrivateNetworks", why))
                        .forEach(errors::add);
            }
            if (include != null) {
                AuditPart.problems(include).stream()
                        .map(why -> new Problem.FieldError("include", why))
                        .forEach(errors::add);
            }
            return errors;
        }
    }

    /** Lead-sync rules; a member left out keeps the configured default ({@code bridge.lead-sync.*}). */
    @Serdeable
    record LeadSyncBody(
            @Nullable Double minScore,
            @Nullable Integer maxAgeDays,
            @Nullable Integer maxPerDay,
            @Nullable Long creditFloor) {
        List<Problem.FieldError> errors() {
            List<Problem.FieldError> errors = new ArrayList<>();
            if (minScore != null && (minScore < 0 || minScore > 100)) {
                errors.add(new Problem.FieldError("leadSync.minScore", "must be between 0 and 100"));
            }
            if (maxAgeDays != null && (maxAgeDays < 1 || maxAgeDays > 365)) {
                errors.add(new Problem.FieldError("leadSync.maxAgeDays", "must be between 1 and 365"));
            }
            if (maxPerDay != null && (maxPerDay < 0 || maxPerDay > 1000)) {
                errors.add(new Problem.FieldError("leadSync.maxPerDay", "must be between 0 and 1000"));
            }
            if (creditFloor != null && creditFloor < 0) {
                errors.add(new Problem.FieldError("leadSync.creditFloor", "must not be negative"));
            }
            return errors;
        }
    }
}
