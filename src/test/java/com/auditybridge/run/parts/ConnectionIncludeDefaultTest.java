package com.auditybridge.run.parts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection's default parts ({@code BRIDGE_INCLUDE} for the default connection, {@code include} on the admin API
 * for the others) are read by every run whose hook names none: hooks, and the runs the lead sync starts.
 */
@MicronautTest(environments = "sim", transactional = false)
class ConnectionIncludeDefaultTest extends AuditPartsTestBase {
    private static final String ADMIN_TOKEN = "admin-token-for-tests-0123456789";
    private static final String SECOND_TOKEN = "aky_SecondConnectionToken00000000001";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bridge.include", "analysis,deliverables", "bridge.admin-token", ADMIN_TOKEN);
    }

    @BeforeEach
    void noManagedConnections() {
        execute("delete from api_key");
        execute("delete from bridge_connection");
    }

    @Test
    void aHookThatNamesNoPartReadsTheConnectionsDefaultAndOneThatNamesNoneReadsNone() {
        String defaulted = analysisRequested(readyProject(), "");
        String none = analysisRequested(readyProject(), "\"include\":[]");

        Reply withDefault = completed(defaulted);
        Reply withNone = completed(none);

        assertThat(withDefault.at("input.include")).isEqualTo(List.of("analysis", "deliverables"));
        assertThat(withDefault.at("result.parts")).isEqualTo(List.of("analysis", "deliverables"));
        assertThat(theCallbackOf(defaulted).objectAt("data")).containsKeys("analysis", "deliverables");
        assertThat(withNone.objectAt("result")).doesNotContainKeys("parts", "analysis", "deliverables");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLeadSyncStartsItsRunsWithTheConnectionsDefault() {
        Reply sync = call(HttpRequest.POST("/v1/lead-sync", "").bearerAuth(API_KEY));
        assertThat(sync.status()).as(sync.body()).isEqualTo(202);
        scheduler.runAnyDueExecutions();

        List<Map<String, Object>> runs = (List<Map<String, Object>>)
                call(HttpRequest.GET("/v1/runs?flow=lead-to-audit").bearerAuth(API_KEY))
                        .at("runs");
        assertThat(runs).isNotEmpty();
        assertThat(runs)
                .allSatisfy(run -> assertThat(((Map<String, Object>) run.get("input")).get("include"))
                        .isEqualTo(List.of("analysis", "deliverables")));
    }

    @Test
    void aManagedConnectionKeepsShowsAndChecksItsDefaultAndItsRunsResultIsItsAlone() {
        Reply created = admin("POST", "/v1/admin/connections", """
                {"name":"Second","audityToken":"%s","include":["deliverables"]}""".formatted(SECOND_TOKEN));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.at("connection.include")).isEqualTo(List.of("deliverables"));
        Reply hook = call(HttpRequest.POST("/v1/hooks/analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(created.text("apiKey.key")));
        assertThat(hook.status()).as(hook.body()).isEqualTo(202);
        String runId = hook.text("runId");
        assertProblem(result("/v1/runs/" + runId + "/result"), 404, "NOT_FOUND");
        assertProblem(
                call(HttpRequest.POST("/v1/runs/" + runId + "/result/refresh", "")
                        .bearerAuth(API_KEY)),
                404,
                "NOT_FOUND");
        assertThat(call(HttpRequest.GET("/v1/runs/" + runId + "/result").bearerAuth(created.text("apiKey.key")))
                        .text("resultUrl"))
                .isEqualTo("/v1/runs/" + runId + "/result");
        assertThat(count(
                        "select count(*) from run where id = ? and input like '%\"include\":[\"deliverables\"]%'",
                        hook.text("runId")))
                .isEqualTo(1);

        Reply cleared = admin("PATCH", "/v1/admin/connections/" + id, "{\"include\":[]}");
        assertThat(cleared.at("include")).isEqualTo(List.of());
        Reply refused = admin("PATCH", "/v1/admin/connections/" + id, "{\"include\":[\"summary\"]}");
        assertProblem(refused, 400, "INVALID_CONNECTION");
        assertThat(problemFields(refused)).containsExactly("include");
        assertThat(admin("GET", "/v1/admin/connections/" + id, null).at("include"))
                .isEqualTo(List.of());
    }

    private Reply admin(String method, String path, String body) {
        MutableHttpRequest<Object> request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
        }
        return call(request.bearerAuth(ADMIN_TOKEN));
    }
}
