package com.auditybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** The 202 of each hook, stored and queued before the answer, and the 401s. */
@MicronautTest(environments = "sim", transactional = false)
class HookAcceptanceTest extends BridgeTestBase {

    @Test
    void aLeadArrivedIsAnsweredWith202AndItsRunIsStoredAndQueued() {
        assertAccepted(hook("lead-arrived", "{\"leadId\":\"%s\"}".formatted(unconvertedLead(0))), "lead-to-audit");
    }

    @Test
    void anAnalysisRequestIsAnsweredWith202AndItsRunIsStoredAndQueued() {
        assertAccepted(hook("analysis-requested", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID)), "project-analysis");
    }

    @Test
    void aProjectUpdateIsAnsweredWith202AndItsRunIsStoredAndQueued() {
        assertAccepted(hook("project-update", """
                {"projectId":"%s","changes":{"description":"Updated after the intake call","currency":"EUR"}}""".formatted(PROJECT_ID)), "project-update");
    }

    @Test
    void theCallbackUrlAndMetadataAreKeptExactlyAsGiven() {
        Reply accepted = hook("analysis-requested", """
                {"projectId":"%s","callbackUrl":"http://127.0.0.1:5678/webhook-waiting/7?signature=a%%2Bb",
                 "metadata":{"crm":{"id":42}}}""".formatted(PROJECT_ID));

        Reply run = run(accepted.text("runId"));
        assertThat(run.text("input.callbackUrl")).isEqualTo("http://127.0.0.1:5678/webhook-waiting/7?signature=a%2Bb");
        assertThat(run.at("input.metadata.crm.id")).isEqualTo(42);
    }

    @Test
    void theKeyIsAlsoAcceptedInTheXApiKeyHeader() {
        Reply reply = call(unsignedHookRequest("analysis-requested", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID))
                .header("X-Api-Key", API_KEY));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    }

    @Test
    void aCallWithoutAKeyIsRefusedWith401AndStoresNothing() {
        Reply reply = storingNothing(
                () -> call(unsignedHookRequest("analysis-requested", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID))));

        assertProblem(reply, 401, "UNAUTHORIZED");
    }

    @Test
    void aWrongBearerKeyIsRefusedWith401() {
        Reply reply = call(unsignedHookRequest("analysis-requested", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID))
                .bearerAuth("nope"));

        assertProblem(reply, 401, "UNAUTHORIZED");
    }

    @Test
    void aWrongXApiKeyIsRefusedWith401() {
        Reply reply = call(unsignedHookRequest("project-update", "{}").header("X-Api-Key", "nope"));

        assertProblem(reply, 401, "UNAUTHORIZED");
    }

    private void assertAccepted(Reply reply, String flow) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String runId = reply.text("runId");
        assertThat(reply.object())
                .containsEntry("flow", flow)
                .containsEntry("status", "queued")
                .containsEntry("statusUrl", "/v1/runs/" + runId)
                .doesNotContainKey("deduped");
        assertThat(reply.header("Location")).isEqualTo("/v1/runs/" + runId);
        Reply stored = run(runId);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.object()).containsEntry("flow", flow).containsEntry("status", "queued");
        assertThat(queued(runId)).as("the run has a task on the durable queue").isTrue();
    }
}
