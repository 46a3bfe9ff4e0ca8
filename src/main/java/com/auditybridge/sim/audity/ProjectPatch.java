package com.auditybridge.sim.audity;

import com.auditybridge.sim.SimResponses;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * PATCH validation on the raw JSON tree, so a wrong type is told apart from a missing field, as the published
 * contract does.
 */
final class ProjectPatch {
    /** Allowed field to its {min, max} length. */
    private static final Map<String, int[]> LIMITS = Map.of(
            "clientName",
            new int[] {1, 200},
            "industry",
            new int[] {1, 100},
            "companySize",
            new int[] {0, 50},
            "description",
            new int[] {0, 5000},
            "currency",
            new int[] {3, 3});

    private ProjectPatch() {}

    static Optional<HttpResponse<?>> problem(JsonNode body) {
        if (body == null || !body.isObject() || LIMITS.keySet().stream().noneMatch(name -> body.get(name) != null)) {
            return bad("At least one field must be provided", "EMPTY_PATCH");
        }
        for (Map.Entry<String, JsonNode> field : body.entries()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            int[] limit = LIMITS.get(name);
            if (limit == null) {
                return bad("Field not allowed: " + name, null);
            }
            if ("description".equals(name) && !value.isString()) {
                return bad("description must be a string", "INVALID_DESCRIPTION_TYPE");
            }
            if (!value.isString()) {
                return bad(name + " must be a string", null);
            }
            int length = value.getStringValue().length();
            if ("description".equals(name) && length > limit[1]) {
                return bad("Description exceeds maximum length (5000 chars)", "DESCRIPTION_TOO_LONG");
            }
            if (length < limit[0] || length > limit[1]) {
                return bad(
                        name + " must be "
                                + (limit[0] == limit[1]
                                        ? "exactly " + limit[0]
                                        : "between " + limit[0] + " and " + limit[1])
                                + " characters",
                        null);
            }
        }
        return Optional.empty();
    }

    static void apply(JsonNode body, SimProject project) {
        body.entries().forEach(field -> {
            String value = field.getValue().getStringValue();
            switch (field.getKey()) {
                case "clientName" -> project.clientName = value;
                case "industry" -> project.industry = value;
                case "companySize" -> project.companySize = value;
                case "description" -> project.description = value;
                default -> project.currency = value;
            }
        });
    }

    private static Optional<HttpResponse<?>> bad(String message, String code) {
        return Optional.of(SimResponses.error(HttpStatus.BAD_REQUEST, message, code));
    }
}
