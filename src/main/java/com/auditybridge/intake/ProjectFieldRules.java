package com.auditybridge.intake;

import com.auditybridge.audity.ProjectPatch;
import com.auditybridge.web.BodyRules;
import java.util.Map;
import java.util.Set;

/**
 * Audity's own PATCH rules ({@code PatchProjectInput} in schemas/audity-openapi.yaml), applied before anything is queued so that a bad field is a
 * 400 now rather than a failed run later: the allowlist, the field limits and the three codes.
 */
final class ProjectFieldRules {
    static final Set<String> FIELDS = Set.of("clientName", "industry", "companySize", "description", "currency");

    private ProjectFieldRules() {}

    /** Audity's EMPTY_PATCH: none of the allowed fields is present (unknown ones do not count). */
    static boolean noneOf(Map<String, Object> fields) {
        return fields.keySet().stream().noneMatch(FIELDS::contains);
    }

    static String emptyPatchMessage() {
        return "at least one of " + FIELDS.stream().sorted().toList() + " must be provided";
    }

    static ProjectPatch check(BodyRules rules, Map<String, Object> fields) {
        rules.allowOnly(FIELDS);
        Object description = fields.get("description");
        if (description != null && !(description instanceof String)) {
            rules.error("description", "INVALID_DESCRIPTION_TYPE", "description must be a string");
        }
        return new ProjectPatch(
                rules.string("clientName", false, 1, 200, "INVALID_FIELD"),
                rules.string("industry", false, 1, 100, "INVALID_FIELD"),
                rules.string("companySize", false, 0, 50, "INVALID_FIELD"),
                description instanceof String
                        ? rules.string("description", false, 0, 5000, "DESCRIPTION_TOO_LONG")
                        : null,
                currency(rules, fields));
    }

    private static String currency(BodyRules rules, Map<String, Object> fields) {
        String currency = rules.string("currency", false, 3, 3, "INVALID_FIELD");
        if (currency != null && currency.length() == 3 && !currency.matches("[A-Za-z]{3}")) {
            rules.error("currency", "INVALID_FIELD", "must be an ISO 4217 code such as USD");
        }
        return currency;
    }
}
