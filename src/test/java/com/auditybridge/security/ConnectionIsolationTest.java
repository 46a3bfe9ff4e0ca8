package com.auditybridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end: a second connection made through the admin API, with its own key, finds
 * nothing of the first's (runs, deliveries, subscriptions, idempotency keys): 404, never 403.
 */
@MicronautTest(environments = "sim", transactional = false)
class ConnectionIsolationTest extends AdminTestBase {
    private static final String SHARED_KEY = "same-idempotency-key";

    @Inject
    EmbeddedServer server;

    private String secondKey;
    private String firstRun;
    private String firstDelivery;
    private String body;

    /** The first (default) connection's run ended and its callback was delivered; the second connection exists. */
    @BeforeEach
    void twoConnections() {
        body = "{\"projectId\":\"" + PROJECT_ID + "\",\"callbackUrl\":\"" + server.getURL() + "/sim/inbox\"}";
        firstRun = hookWithKey("analysis-requested", body, SHARED_KEY).text("runId");
        driveToEnd(firstRun, Duration.ofSeconds(10), 30);
        scheduler.runAnyDueExecutions();
        firstDelivery = call(HttpRequest.GET("/v1/runs/" + firstRun + "/deliveries")
                        .bearerAuth(API_KEY))
                .text("deliveries.0.id");
        secondKey = secondConnection().text("apiKey.key");
    }

    private Reply asSecond(io.micronaut.http.MutableHttpRequest<?> request) {
        return callWithKey(request, secondKey);
    }

    @Test
    void theFirstConnectionsRunIsNotFoundForTheSecondByGetCancelOrRetry() {
        assertProblem(asSecond(HttpRequest.GET("/v1/runs/" + firstRun)), 404, "NOT_FOUND");
        assertProblem(asSecond(HttpRequest.POST("/v1/runs/" + firstRun + "/cancel", "")), 404, "NOT_FOUND");
        assertProblem(asSecond(HttpRequest.POST("/v1/runs/" + firstRun + "/retry", "")), 404, "NOT_FOUND");
        assertThat(queued(firstRun)).isFalse();
        assertThat(asSecond(HttpRequest.GET("/v1/runs?limit=100")).body()).doesNotContain(firstRun);
    }

    @Test
    void theFirstConnectionsDeliveriesAreNotFoundForTheSecond() {
        assertThat(firstDelivery).isNotNull();

        assertProblem(asSecond(HttpRequest.GET("/v1/runs/" + firstRun + "/deliveries")), 404, "NOT_FOUND");
        assertProblem(asSecond(HttpRequest.GET("/v1/deliveries/" + firstDelivery)), 404, "NOT_FOUND");
        assertProblem(
                asSecond(HttpRequest.POST("/v1/deliveries/" + firstDelivery + "/redeliver", "")), 404, "NOT_FOUND");
        assertThat(asSecond(HttpRequest.GET("/v1/deliveries?status=delivered")).body())
                .doesNotContain(firstDelivery);
        assertThat(asSecond(HttpRequest.POST("/v1/deliveries/redeliver", "{\"status\":\"delivered\"}"))
                        .at("redelivered"))
                .isEqualTo(0);
        assertThat(call(HttpRequest.GET("/v1/deliveries?status=delivered").bearerAuth(API_KEY))
                        .body())
                .contains(firstDelivery);
    }

    @Test
    void theSecondConnectionCannotSeeOrDeleteTheFirstsSubscription() {
        String subscription = call(HttpRequest.POST(
                                "/v1/subscriptions",
                                "{\"targetUrl\":\"https://hooks.example.com/zap\",\"events\":[\"run.failed\"]}")
                        .bearerAuth(API_KEY))
                .text("id");

        assertProblem(asSecond(HttpRequest.DELETE("/v1/subscriptions/" + subscription)), 404, "NOT_FOUND");
        assertThat(asSecond(HttpRequest.GET("/v1/subscriptions")).body()).doesNotContain(subscription);
        assertThat(call(HttpRequest.GET("/v1/subscriptions").bearerAuth(API_KEY))
                        .body())
                .contains(subscription);
    }

    @Test
    void theFirstConnectionsIdempotencyKeyStartsANewRunForTheSecond() {
        Reply second = asSecond(unsignedHookRequest("analysis-requested", body).header("Idempotency-Key", SHARED_KEY));
        Reply firstAgain = hookWithKey("analysis-requested", body, SHARED_KEY);

        assertThat(second.status()).as(second.body()).isEqualTo(202);
        assertThat(second.text("runId")).isNotEqualTo(firstRun);
        assertThat(second.object()).doesNotContainKey("deduped");
        assertThat(firstAgain.status()).isEqualTo(200);
        assertThat(firstAgain.text("runId")).isEqualTo(firstRun);
    }

    @Test
    void aLeadTheFirstConnectionAlreadyHasIsANewRunForTheSecond() {
        String lead = "lead-of-both-connections";
        String firstLeadRun = leadArrived(lead, "");

        Reply second = asSecond(unsignedHookRequest("lead-arrived", "{\"leadId\":\"" + lead + "\"}"));

        assertThat(second.status()).as(second.body()).isEqualTo(202);
        assertThat(second.text("runId")).isNotEqualTo(firstLeadRun);
    }
}
