package com.auditybridge.upstream;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.Map;

/**
 * What an error answer said, read leniently: Audity sends {@code {error, code, requiredTier, details}},
 * but a proxy page or a framework default ({@code detail}, {@code message}) must still yield a message.
 * Messages are cut to {@value #MAX_MESSAGE} characters so that an HTML error page never floods a log or a row.
 */
public record ErrorBody(
        String message, String code, String currentTier, String requiredTier, Map<String, Object> details) {

    static final int MAX_MESSAGE = 500;

    public static ErrorBody read(JsonMapper json, String body) {
        JsonNode node = tree(json, body);
        if (node == null || !node.isObject()) {
            return new ErrorBody(cut(body), null, null, null, Map.of());
        }
        String message = firstText(node, "error", "detail", "message");
        return new ErrorBody(
                cut(message != null ? message : body),
                text(node, "code"),
                text(node, "currentTier"),
                text(node, "requiredTier"),
                details(json, node.get("details")));
    }

    /** The parsed tree, or null when the body is empty or not JSON at all. */
    static JsonNode tree(JsonMapper json, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.getStringValue() : null;
    }

    // Audity's plain Error schema has a string "details" (development only); only the object form is data.
    private static Map<String, Object> details(JsonMapper json, JsonNode details) {
        if (details == null || !details.isObject()) {
            return Map.of();
        }
        try {
            return json.readValueFromTree(details, Argument.mapOf(String.class, Object.class));
        } catch (IOException unreadable) {
            return Map.of();
        }
    }

    static String cut(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE);
    }
}
