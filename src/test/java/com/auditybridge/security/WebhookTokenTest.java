package com.auditybridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/**
 * Audity's webhooks authenticate with the connection's webhook token in the URL, never with its API key: a leaked
 * URL can post Audity events for one connection and nothing else, and the admin API rotates it.
 */
@MicronautTest(environments = "sim", transactional = false)
class WebhookTokenTest extends AdminTestBase {

    @Test
    void theUrlTakesTheWebhookTokenAndNotTheApiKey() {
        String token = rotate("default").text("token");

        assertThat(deliver("?token=" + token, "d-1").status()).isEqualTo(200);
        assertProblem(deliver("?key=" + API_KEY, "d-2"), 401, "UNAUTHORIZED");
        assertThat(call(HttpRequest.POST("/v1/runs", "")).status()).isNotEqualTo(200);
        assertProblem(call(HttpRequest.GET("/v1/runs").bearerAuth(token)), 401, "UNAUTHORIZED");
    }

    @Test
    void rotatingTheTokenEndsTheOldOneAtOnceAndTheAnswerShowsThePathToPaste() {
        Reply first = rotate("default");
        Reply second = rotate("default");

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("path")).isEqualTo("/v1/hooks/audity?token=" + second.text("token"));
        assertThat(second.text("token")).startsWith("awh_");
        assertProblem(deliver("?token=" + first.text("token"), "d-3"), 401, "UNAUTHORIZED");
        assertThat(deliver("?token=" + second.text("token"), "d-4").status()).isEqualTo(200);
    }

    @Test
    void aManagedConnectionsTokenActsForThatConnectionAndGoesWithIt() {
        String id = createConnection("{\"name\":\"Webhooks\",\"audityToken\":\"" + SECOND_TOKEN + "\"}")
                .text("id");
        String token = rotate(id).text("token");
        assertThat(deliver("?token=" + token, "d-5").status()).isEqualTo(200);

        assertThat(adminCall(HttpRequest.DELETE("/v1/admin/connections/" + id)).status())
                .isEqualTo(204);

        assertProblem(deliver("?token=" + token, "d-6"), 401, "UNAUTHORIZED");
        assertProblem(rotate("no-such-connection"), 404, "NOT_FOUND");
    }

    private Reply rotate(String connectionId) {
        return adminCall(HttpRequest.POST("/v1/admin/connections/" + connectionId + "/webhook-token", ""));
    }

    private Reply deliver(String query, String deliveryId) {
        return call(HttpRequest.POST(
                        "/v1/hooks/audity" + query,
                        "{\"version\":\"1\",\"event\":\"analysis_generated\",\"timestamp\":\"2026-04-20T12:00:00Z\",\"data\":{\"projectId\":\"p-1\"}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Audity-Delivery", deliveryId));
    }
}
