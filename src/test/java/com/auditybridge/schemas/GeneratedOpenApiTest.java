package com.auditybridge.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document micronaut-openapi generates from the controllers, as the running bridge
 * serves it, documents the hooks exactly as the JSON Schemas in {@code schemas/hooks} describe them.
 */
@MicronautTest(environments = "sim", transactional = false)
class GeneratedOpenApiTest extends BridgeTestBase {

    @SuppressWarnings("unchecked")
    private Map<String, Object> openApi() {
        return new Yaml().load(text("/swagger/audity-bridge.yml"));
    }

    /** A static resource's text; the client throws on any status but 2xx. */
    private String text(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path), String.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> node, String... path) {
        Map<String, Object> here = node;
        for (String key : path) {
            here = (Map<String, Object>) here.get(key);
            assertThat(here)
                    .as("member " + key + " of " + String.join(".", path))
                    .isNotNull();
        }
        return here;
    }

    /** A component, following its $ref (and an allOf of one $ref, the generator's way of adding a description). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> doc, Map<String, Object> schema) {
        if (schema.containsKey("allOf")) {
            schema = ((List<Map<String, Object>>) schema.get("allOf")).get(0);
        }
        Object ref = schema.get("$ref");
        return ref == null
                ? schema
                : at(doc, "components", "schemas", ((String) ref).substring("#/components/schemas/".length()));
    }

    private static Set<String> names(Map<String, Object> schema) {
        return new TreeSet<>(((Map<?, ?>) schema.get("properties"))
                .keySet().stream().map(String::valueOf).toList());
    }

    private static Set<String> names(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> required(Map<String, Object> schema) {
        Object required = schema.get("required");
        return required == null
                ? Set.of()
                : new TreeSet<>(
                        ((List<?>) required).stream().map(String::valueOf).toList());
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    @ParameterizedTest(name = "{0} documents the members of {1}")
    @CsvSource({
        "/v1/hooks/lead-arrived,lead-arrived",
        "/v1/hooks/analysis-requested,analysis-requested",
        "/v1/hooks/project-update,project-update",
        "/v1/hooks/repo-audit-requested,repo-audit-requested",
        "/v1/hooks/audity,audity-webhook"
    })
    void eachHookOperationDocumentsTheMembersAndRequirementsOfItsJsonSchema(String path, String schemaName) {
        Map<String, Object> doc = openApi();
        Map<String, Object> post = at(doc, "paths", path, "post");
        Map<String, Object> body = resolve(doc, at(post, "requestBody", "content", "application/json", "schema"));
        JsonNode schema = JsonSchemas.tree("hooks/" + schemaName + ".schema.json");

        assertThat((String) post.get("summary")).as("summary of " + path).isNotBlank();
        assertThat(names(body)).isEqualTo(names(schema));
        assertThat(required(body)).isEqualTo(required(schema));
    }

    @Test
    void theProjectFieldsOfLeadArrivedAndProjectUpdateAreAudityPatchFieldsAsTheSchemaSays() {
        Map<String, Object> doc = openApi();
        JsonNode fields =
                JsonSchemas.tree("hooks/common.schema.json").get("$defs").get("projectFields");
        Map<String, Object> leadArrived = resolve(
                doc,
                at(
                        doc,
                        "paths",
                        "/v1/hooks/lead-arrived",
                        "post",
                        "requestBody",
                        "content",
                        "application/json",
                        "schema"));
        Map<String, Object> update = resolve(
                doc,
                at(
                        doc,
                        "paths",
                        "/v1/hooks/project-update",
                        "post",
                        "requestBody",
                        "content",
                        "application/json",
                        "schema"));

        assertThat(names(resolve(doc, at(leadArrived, "properties", "project"))))
                .isEqualTo(names(fields));
        assertThat(names(resolve(doc, at(update, "properties", "changes")))).isEqualTo(names(fields));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyHookDocumentsItsRefusalsAsProblemJson() {
        Map<String, Object> doc = openApi();
        List<String> missing = new ArrayList<>();
        for (String hook :
                List.of("lead-arrived", "analysis-requested", "project-update", "repo-audit-requested", "audity")) {
            Map<String, Object> responses = at(doc, "paths", "/v1/hooks/" + hook, "post", "responses");
            for (String status : List.of("400", "401", "413", "415")) {
                Map<String, Object> response = (Map<String, Object>) responses.get(status);
                if (response == null
                        || !((Map<String, Object>) response.get("content")).containsKey("application/problem+json")) {
                    missing.add(hook + " " + status);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theRunsResultAndItsRefreshAreDocumented() {
        Map<String, Object> doc = openApi();

        assertThat(at(doc, "paths", "/v1/runs/{id}/result", "get", "responses").keySet())
                .contains("200", "404");
        Map<String, Object> refresh = at(doc, "paths", "/v1/runs/{id}/result/refresh", "post");
        assertThat((String) refresh.get("summary")).contains("no second callback");
        assertThat(at(refresh, "responses").keySet()).contains("202", "404", "409");
        assertThat(names(resolve(doc, at(refresh, "responses", "202", "content", "application/json", "schema"))))
                .containsExactlyInAnyOrder("runId", "refreshing", "resultUrl");
    }

    @Test
    void theSimulatorIsNotPartOfTheDocumentedApi() {
        assertThat(at(openApi(), "paths").keySet()).allMatch(path -> path.startsWith("/v1/"));
    }

    @Test
    void swaggerUiIsServedAndPointsAtTheGeneratedDocument() {
        assertThat(text("/swagger-ui/index.html")).contains("/swagger/audity-bridge.yml");
        assertThat(text("/swagger-ui/res/swagger-ui-bundle.js")).contains("SwaggerUIBundle");
    }
}
