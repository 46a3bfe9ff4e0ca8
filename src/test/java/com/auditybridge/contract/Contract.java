package com.auditybridge.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One upstream contract ({@code schemas/*.yaml}) loaded into swagger-request-validator. The validator only
 * understands OpenAPI 3.0, so the 3.1 file is downgraded in memory as schemas/README.md prescribes: type arrays
 * become {@code nullable}, {@code const} becomes a one-value {@code enum}, {@code info.summary} and
 * {@code info.license.identifier} go. The document-wide {@code security} is copied onto operations, the only place
 * the validator reads it. Responses stay open (additional properties ignored); requests stay strict.
 */
public final class Contract {
    public static final Contract AUDITY = load("audity-openapi.yaml");
    public static final Contract REPO_AUDIT = load("repo-audit-openapi.yaml");

    private final String name;
    private final OpenApiInteractionValidator validator;

    private Contract(String name, OpenApiInteractionValidator validator) {
        this.name = name;
        this.validator = validator;
    }

    static Contract load(String file) {
        try {
            JsonNode spec = Yaml.mapper().readTree(Path.of("schemas", file).toFile());
            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                            Json.mapper().writeValueAsString(downgrade(spec)))
                    .withLevelResolver(LevelResolver.create()
                            .withLevel(
                                    "validation.response.body.schema.additionalProperties",
                                    ValidationReport.Level.IGNORE)
                            .build())
                    .build();
            return new Contract(file, validator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with every message of the validator unless the answer is one the contract documents. */
    public void assertResponse(String method, String path, int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        assertValid(
                validator.validateResponse(path, Request.Method.valueOf(method), response.build()),
                method + " " + path + " -> " + status + " " + body);
    }

    /** Fails unless the request as sent on the wire (method, path, query, headers incl. security, body) is per contract. */
    public void assertRequest(String method, String uri, Map<String, List<String>> headers, String body) {
        URI parsed = URI.create(uri);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, parsed.getRawPath());
        headers.forEach(request::withHeader);
        if (parsed.getRawQuery() != null) {
            for (String pair : parsed.getRawQuery().split("&")) {
                String[] nameValue = pair.split("=", 2);
                request.withQueryParam(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
        }
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        assertValid(validator.validateRequest(request.build()), method + " " + uri + " " + body);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The validator's messages for a request, for tests that prove the validator does reject. */
    public List<String> requestProblems(Request request) {
        return validator.validateRequest(request).getMessages().stream()
                .map(ValidationReport.Message::getKey)
                .toList();
    }

    private void assertValid(ValidationReport report, String what) {
        if (report.hasErrors()) {
            throw new AssertionError("not per " + name + ": " + what + "\n"
                    + report.getMessages().stream()
                            .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n")));
        }
    }

    static JsonNode downgrade(JsonNode spec) {
        ObjectNode root = (ObjectNode) spec;
        root.put("openapi", "3.0.3");
        ObjectNode info = (ObjectNode) root.get("info");
        info.remove("summary");
        if (info.get("license") instanceof ObjectNode license) {
            license.remove("identifier");
        }
        inheritSecurity(root);
        walk(root);
        return root;
    }

    /** The validator reads only operation-level security; the document-wide default is copied onto each operation. */
    private static void inheritSecurity(ObjectNode root) {
        JsonNode security = root.get("security");
        if (security == null) {
            return;
        }
        root.get("paths")
                .forEach(item -> item.fields().forEachRemaining(entry -> {
                    if (entry.getValue() instanceof ObjectNode operation
                            && !"parameters".equals(entry.getKey())
                            && !operation.has("security")) {
                        operation.set("security", security.deepCopy());
                    }
                }));
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("type") instanceof ArrayNode types) {
                boolean nullable = false;
                String single = null;
                for (JsonNode type : types) {
                    if ("null".equals(type.asText())) {
                        nullable = true;
                    } else {
                        single = type.asText();
                    }
                }
                object.put("type", single);
                if (nullable) {
                    object.put("nullable", true);
                }
            }
            JsonNode constant = object.get("const");
            if (constant != null && constant.isValueNode()) {
                object.remove("const");
                object.putArray("enum").add(constant);
            }
        }
        node.forEach(Contract::walk);
    }
}
