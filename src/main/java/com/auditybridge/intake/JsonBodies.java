package com.auditybridge.intake;

import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The gate every JSON body of the bridge passes (hooks, subscriptions, Audity's webhooks): sent as JSON (415),
 * one JSON object and nothing after it, no unpaired surrogate in any string (400 MALFORMED_JSON).
 */
public final class JsonBodies {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonBodies() {
    }

    public static void requireJson(HttpRequest<?> request) {
        MediaType type = request.getContentType().orElse(null);
        if (type == null || !(type.getName().equals(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"))) {
            throw new ProblemException(Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                    "Send the body as application/json."));
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(JsonMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw malformed("The body is empty; a JSON object is expected.");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Object parsed;
        try {
            requireOneWellFormedValue(bytes);
            parsed = json.readValue(bytes, Object.class);
        } catch (IOException | RuntimeException e) {
            throw malformed("The body is not valid JSON.");
        }
        if (!(parsed instanceof Map)) {
            throw malformed("The body must be a JSON object.");
        }
        return (Map<String, Object>) parsed;
    }

    /** Walks the tokens: a second value after the first ("{}{}"), or a lone surrogate, is not a body we store. */
    private static void requireOneWellFormedValue(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    requirePairedSurrogates(parser.getText());
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                if (depth == 0 && parser.nextToken() != null) {
                    throw new IOException("content after the JSON value");
                }
                if (depth == 0) {
                    return;
                }
            }
        }
    }

    private static void requirePairedSurrogates(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IOException("unpaired surrogate");
            }
        }
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of(400, "MALFORMED_JSON", "Malformed JSON", detail));
    }
}
