package com.auditybridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim")
class AudityConvertSimTest extends SimTestBase {
    @Inject
    EmbeddedServer server;

    @Test
    void convertingALeadAnswers201CreatesASetupProjectAndCharges1000Credits() {
        String lead = completedLead();

        Reply reply = post("/api/lead-generation/leads/" + lead + "/convert");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.at("success")).isEqualTo(true);
        assertThat(reply.at("data.creditsUsed")).isEqualTo(1000);
        assertThat(reply.at("data.pdfAttached")).isEqualTo(true);
        Reply project = get("/api/projects/" + reply.text("data.auditId"));
        assertThat(project.text("status")).isEqualTo("setup");
        assertThat(project.at("hasAnalysis")).isEqualTo(true);
        assertThat(get("/api/lead-generation/leads/" + lead).text("lead.surveyStatus"))
                .isEqualTo("converted");
        assertThat(get("/api/user/credits").at("balance")).isEqualTo(9000);
    }

    @Test
    void convertingALeadTwiceAnswers400AndChargesOnce() {
        String lead = completedLead();
        post("/api/lead-generation/leads/" + lead + "/convert");

        Reply again = post("/api/lead-generation/leads/" + lead + "/convert");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.parsed()).isEqualTo(Map.of("error", "Lead already converted"));
        assertThat(get("/api/user/credits").at("balance")).isEqualTo(9000);
        assertThat(admin(HttpRequest.GET("/sim/admin/counters")).at("conversions." + lead))
                .isEqualTo(1);
    }

    @Test
    void convertingWithTooFewCreditsAnswers402AndLeavesTheLeadUnconverted() {
        String lead = completedLead();
        admin(HttpRequest.PUT("/sim/admin/audity/accounts", Map.of("token", TOKEN, "credits", 999)));

        Reply reply = post("/api/lead-generation/leads/" + lead + "/convert");

        assertThat(reply.status()).isEqualTo(402);
        assertThat(reply.parsed()).isEqualTo(Map.of("error", "Insufficient credits"));
        assertThat(get("/api/lead-generation/leads/" + lead).text("lead.surveyStatus"))
                .isEqualTo("completed");
    }

    @Test
    void convertingOnTheSoloTierAnswers403TierError() {
        String lead = completedLead();
        admin(HttpRequest.PUT("/sim/admin/audity/accounts", Map.of("token", TOKEN, "tier", "solo")));

        Reply reply = post("/api/lead-generation/leads/" + lead + "/convert");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.parsed())
                .isEqualTo(Map.of(
                        "error",
                        "Feature not available on your tier",
                        "currentTier",
                        "solo",
                        "requiredTier",
                        "starter",
                        "upgradeUrl",
                        "https://app.auditynow.com/billing/upgrade"));
    }

    @Test
    void convertingAnUnknownLeadAnswers404() {
        assertThat(post("/api/lead-generation/leads/unknown/convert").parsed())
                .isEqualTo(Map.of("error", "Lead not found"));
    }

    @Test
    void convertCommitThenHangChargesButAnswersTooLateForTheCaller() throws Exception {
        String lead = completedLead();
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("convertCommitThenHang", true, "hangMs", 3000)));

        try (HttpClient impatient = impatientClient()) {
            assertThatThrownBy(() -> impatient
                            .toBlocking()
                            .exchange(HttpRequest.POST("/sim/audity/api/lead-generation/leads/" + lead + "/convert", "")
                                    .bearerAuth(TOKEN)))
                    .isNotInstanceOf(io.micronaut.http.client.exceptions.HttpClientResponseException.class);
        }
        assertThat(get("/api/lead-generation/leads/" + lead).text("lead.surveyStatus"))
                .isEqualTo("converted");
        assertThat(get("/api/user/credits").at("balance")).isEqualTo(9000);
    }

    @Test
    void convertCommitThenHangWithoutHangTimeClosesTheConnectionAfterCharging() {
        String lead = completedLead();
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("convertCommitThenHang", true, "hangMs", 0)));

        assertThatThrownBy(() -> client.toBlocking()
                        .exchange(HttpRequest.POST("/sim/audity/api/lead-generation/leads/" + lead + "/convert", "")
                                .bearerAuth(TOKEN)))
                .isNotInstanceOf(io.micronaut.http.client.exceptions.HttpClientResponseException.class);
        assertThat(admin(HttpRequest.GET("/sim/admin/counters")).at("conversions." + lead))
                .isEqualTo(1);
    }

    private HttpClient impatientClient() {
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setReadTimeout(Duration.ofMillis(300));
        return HttpClient.create(server.getURL(), config);
    }

    private String completedLead() {
        return get("/api/lead-generation/leads?sortBy=ai_readiness_score").text("data.1.id");
    }
}
