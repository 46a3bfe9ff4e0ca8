package com.auditybridge.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hook schemas in {@code schemas/hooks} say what the bridge really does: each body here goes
 * through its schema and through the running bridge, and both accept it, or both refuse it.
 */
@MicronautTest(environments = "sim", transactional = false)
class HookBodySchemaTest extends BridgeTestBase {
    private static final String CALLBACK = "http://127.0.0.1:9/resume?signature=abc";

    static Stream<Arguments> acceptedBodies() {
        return Stream.of(
                arguments("lead-arrived", "{\"leadId\":\"lead-1\"}"),
                arguments("lead-arrived", """
                        {"leadId":"lead-2","project":{"clientName":"Acme","industry":"Manufacturing","companySize":"11-50",
                        "description":"Widgets","currency":"usd"},"analysis":"none","callbackUrl":"%s",
                        "metadata":{"crmId":"42","nested":{"list":[1,2]}},"notify":["lead.converted","run.failed"]}""".formatted(CALLBACK)),
                arguments("lead-arrived", "{\"leadId\":\"lead-3\",\"project\":{},\"analysis\":\"async\"}"),
                arguments("lead-arrived", """
                        {"leadId":"lead-4","project":null,"analysis":null,"callbackUrl":null,"metadata":null,"notify":null}"""),
                arguments("analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\"}"),
                arguments(
                        "analysis-requested",
                        "{\"projectId\":\"" + PROJECT_ID + "\",\"include\":[\"deliverables\",\"analysis\"]}"),
                arguments("analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\",\"include\":[]}"),
                arguments("lead-arrived", "{\"leadId\":\"lead-5\",\"include\":[\"analysis\"],\"analysis\":\"async\"}"),
                arguments("lead-arrived", "{\"leadId\":\"lead-6\",\"include\":[],\"analysis\":\"none\"}"),
                arguments("lead-arrived", "{\"leadId\":\"lead-7\",\"include\":null}"),
                arguments("analysis-requested", """
                        {"projectId":"%s","callbackUrl":"%s","metadata":{},"notify":[]}""".formatted(PROJECT_ID, CALLBACK)),
                arguments(
                        "project-update", "{\"projectId\":\"" + PROJECT_ID + "\",\"changes\":{\"description\":\"\"}}"),
                arguments("project-update", """
                        {"projectId":"%s","changes":{"clientName":"Acme","currency":"EUR","companySize":null},
                        "callbackUrl":"%s","metadata":{"a":1}}""".formatted(PROJECT_ID, CALLBACK)),
                arguments(
                        "repo-audit-requested",
                        "{\"repoUrl\":\"https://github.com/acme/widgets\",\"publishConsent\":true}"),
                arguments("repo-audit-requested", """
                        {"repoUrl":"https://GitHub.com/acme/widgets.git/","publishConsent":true,"callbackUrl":"%s",
                        "notify":["repo_audit.completed"]}""".formatted(CALLBACK)));
    }

    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                arguments("lead-arrived", "{}"),
                arguments("lead-arrived", "{\"leadId\":\"\"}"),
                arguments("lead-arrived", "{\"leadId\":123}"),
                arguments("lead-arrived", "{\"leadId\":\"" + "x".repeat(201) + "\"}"),
                arguments("lead-arrived", "{\"leadId\":\"   \"}"),
                arguments("lead-arrived", "{\"leadId\":\"lead 1\"}"),
                arguments("lead-arrived", "{\"leadId\":\"lead-1\\n\"}"),
                arguments("lead-arrived", "{\"leadId\":\"lead\\u00001\"}"),
                arguments("lead-arrived", "{\"leadId\":\"lead\\u200b1\"}"),
                arguments("lead-arrived", "{\"leadId\":\"../lead-1\"}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"extra\":1}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"project\":{\"colour\":\"red\"}}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"project\":{\"clientName\":\"\"}}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"project\":{\"industry\":\"" + "i".repeat(101) + "\"}}"),
                arguments(
                        "lead-arrived",
                        "{\"leadId\":\"l\",\"project\":{\"description\":\"" + "d".repeat(5001) + "\"}}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"project\":{\"description\":5}}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"project\":{\"currency\":\"US\"}}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"project\":{\"currency\":\"U$D\"}}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"project\":[]}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"analysis\":\"sync\"}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"notify\":[\"lead.exploded\"]}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"notify\":\"run.failed\"}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"callbackUrl\":\"not a url\"}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"callbackUrl\":\"/relative/path\"}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"metadata\":\"text\"}"),
                arguments("analysis-requested", "{}"),
                arguments("analysis-requested", "{\"projectId\":\"not-a-uuid\"}"),
                arguments("analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\",\"changes\":{}}"),
                arguments("analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\",\"include\":[\"summary\"]}"),
                arguments("analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\",\"include\":\"analysis\"}"),
                arguments(
                        "analysis-requested",
                        "{\"projectId\":\"" + PROJECT_ID + "\",\"include\":[\"analysis\",\"analysis\"]}"),
                arguments("lead-arrived", "{\"leadId\":\"l\",\"include\":[\"deliverables\"],\"analysis\":\"none\"}"),
                arguments(
                        "project-update",
                        "{\"projectId\":\"" + PROJECT_ID + "\",\"changes\":{\"industry\":\"Retail\"},\"include\":[]}"),
                arguments("project-update", "{\"projectId\":\"" + PROJECT_ID + "\"}"),
                arguments("project-update", "{\"projectId\":\"" + PROJECT_ID + "\",\"changes\":null}"),
                arguments("project-update", "{\"projectId\":\"" + PROJECT_ID + "\",\"changes\":{}}"),
                arguments("project-update", "{\"projectId\":\"" + PROJECT_ID + "\",\"changes\":{\"status\":\"done\"}}"),
                arguments(
                        "project-update",
                        "{\"projectId\":\"" + PROJECT_ID + "\",\"changes\":{\"companySize\":\"" + "s".repeat(51)
                                + "\"}}"),
                arguments("repo-audit-requested", "{\"repoUrl\":\"https://github.com/acme/widgets\"}"),
                arguments(
                        "repo-audit-requested",
                        "{\"repoUrl\":\"https://github.com/acme/widgets\",\"publishConsent\":false}"),
                arguments(
                        "repo-audit-requested",
                        "{\"repoUrl\":\"https://gitlab.com/acme/widgets\",\"publishConsent\":true}"),
                arguments(
                        "repo-audit-requested",
                        "{\"repoUrl\":\"http://github.com/acme/widgets\",\"publishConsent\":true}"),
                arguments("repo-audit-requested", "{\"repoUrl\":\"https://github.com/acme\",\"publishConsent\":true}"),
                arguments(
                        "repo-audit-requested",
                        "{\"repoUrl\":\"https://github.com/acme/widgets?tab=1\",\"publishConsent\":true}"),
                arguments(
                        "repo-audit-requested",
                        "{\"repoUrl\":\"https://github.com:444/acme/widgets\",\"publishConsent\":true}"),
                arguments(
                        "repo-audit-requested",
                        "{\"repoUrl\":\"https://github.com/acme/..\",\"publishConsent\":true}"));
    }

    static Stream<Arguments> audityWebhooks() {
        return Stream.of(
                arguments(
                        "{\"version\":\"1\",\"event\":\"analysis_generated\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"projectId\":\"p-1\"}}",
                        200),
                arguments("{\"version\":1,\"event\":\"something_new\",\"data\":{},\"extra\":true}", 200),
                arguments("{\"version\":\"2\",\"event\":\"analysis_generated\",\"data\":{}}", 400),
                arguments("{\"event\":\"analysis_generated\",\"data\":{}}", 400),
                arguments("{\"version\":\"1\",\"event\":\"analysis_generated\"}", 400),
                arguments("{\"version\":\"1\",\"event\":\"analysis_generated\",\"data\":[]}", 400),
                arguments("{\"version\":\"1\",\"event\":7,\"data\":{}}", 400));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("acceptedBodies")
    void aBodyTheSchemaAcceptsIsAcceptedByTheBridge(String hook, String body) {
        assertThat(JsonSchemas.violations(JsonSchemas.hook(hook), body)).isEmpty();

        Reply reply = hook(hook, body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refusedBodies")
    void aBodyTheSchemaRefusesIsRefusedByTheBridgeWithA400(String hook, String body) {
        assertThat(JsonSchemas.violations(JsonSchemas.hook(hook), body)).isNotEmpty();

        Reply reply = storingNothing(() -> hook(hook, body));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @MethodSource("audityWebhooks")
    void audityWebhookBodiesAreJudgedAlikeByTheSchemaAndTheBridge(String body, int status) {
        boolean conforms =
                JsonSchemas.violations(JsonSchemas.hook("audity-webhook"), body).isEmpty();

        Reply reply = call(HttpRequest.POST("/v1/hooks/audity", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(API_KEY)
                .header("X-Audity-Delivery", "d-" + body.hashCode()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(conforms).as("schema verdict on " + body).isEqualTo(status == 200);
    }
}
