package com.auditybridge.run.parts;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.schemas.JsonSchemas;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code bridge.callbacks.max-body-bytes} at 12,000 bytes, an analysis of about 4 KB fits a callback and
 * deliverables of about 25 KB do not: what does not fit is left out, deliverables first, and the callback links to the
 * whole result, which serves each part byte for byte. Subscriptions get the same body.
 */
@MicronautTest(environments = "sim", transactional = false)
class CallbackSizeCapTest extends AuditPartsTestBase {
    private static final int CAP = 12_000;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bridge.callbacks.max-body-bytes", Integer.toString(CAP));
    }

    @BeforeEach
    void everyEventAlsoGoesToASubscription() {
        Reply created = call(HttpRequest.POST("/v1/subscriptions", Map.of("targetUrl", inbox(), "events", List.of("*")))
                .bearerAuth(API_KEY));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void aCallbackTooLargeLeavesTheDeliverablesOutAndLinksToTheResultThatServesThemAsAudityAnswered() {
        String project = readyProject();
        String runId = analysisRequested(project, BOTH);

        Reply run = completed(runId);

        List<String> bodies = callbacksOf(runId);
        assertThat(bodies)
                .as("the final callback and the subscription's delivery")
                .hasSize(2);
        assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
        assertThat(bodies.get(0).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CAP);
        Map<String, Object> data = data(bodies.get(0));
        assertThat(data).containsEntry("omitted", List.of("deliverables")).doesNotContainKey("deliverables");
        String analysis = simAnalysis(project);
        assertThat(bodies.get(0)).contains("\"analysis\":" + analysis);
        String resultUrl = (String) data.get("resultUrl");
        assertThat(resultUrl).isEqualTo("/v1/runs/" + runId + "/result");

        Reply result = result(resultUrl);

        assertThat(result.body())
                .contains("\"analysis\":" + analysis)
                .contains("\"deliverables\":" + simDeliverables(project));
        assertThat(run.at("result.parts")).isEqualTo(List.of("analysis", "deliverables"));
    }

    @Test
    void aCallbackStillTooLargeWithoutTheDeliverablesLeavesTheAnalysisOutToo() {
        String project = readyProject();
        String metadata = "\"metadata\":{\"notes\":\"" + "n".repeat(9_000) + "\"}";
        String runId = analysisRequested(project, BOTH + "," + metadata);

        completed(runId);

        Reply callback = theCallbackOfTarget(runId);
        assertThat(JsonSchemas.violations(JsonSchemas.event("analysis.completed"), callback.body()))
                .isEmpty();
        assertThat(callback.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CAP);
        assertThat(callback.objectAt("data"))
                .containsEntry("omitted", List.of("analysis", "deliverables"))
                .containsEntry("resultUrl", "/v1/runs/" + runId + "/result")
                .doesNotContainKeys("analysis", "deliverables");
        assertThat(result(callback.text("data.resultUrl")).body())
                .contains("\"analysis\":" + simAnalysis(project))
                .contains("\"deliverables\":" + simDeliverables(project));
    }

    /** The first body the inbox received for the run (the callback and the subscription send the same). */
    private Reply theCallbackOfTarget(String runId) {
        String body = callbacksOf(runId).get(0);
        return new Reply(200, body, parse(body), null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(String body) {
        return (Map<String, Object>) parse(body).get("data");
    }
}
