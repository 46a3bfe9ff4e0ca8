package com.auditybridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim")
class SimAdminTest extends SimTestBase {

    @Test
    void adminRoutesWithoutTheRightTokenAnswer401() {
        assertThat(call(HttpRequest.GET("/sim/admin/faults")).status()).isEqualTo(401);
        assertThat(call(HttpRequest.GET("/sim/admin/faults").header("X-Sim-Admin-Token", "guess"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void faultsRoundTripWithDefaultsForMissingFields() {
        Reply put = admin(HttpRequest.PUT("/sim/admin/faults", Map.of("errorRate", 0.25, "seed", 7)));

        assertThat(put.object())
                .containsEntry("errorRate", 0.25)
                .containsEntry("hangMs", 60000)
                .containsEntry("loseAnswer", List.of())
                .containsEntry("failReads", List.of())
                .containsEntry("rateLimitStorm", false)
                .containsEntry("seed", 7);
        assertThat(admin(HttpRequest.GET("/sim/admin/faults")).parsed()).isEqualTo(put.parsed());
    }

    @Test
    void failReadsAnswers500ForTheNamedReadsOfAFinishedAuditCountedPerRoute() {
        String project = analysedProject(0);
        post("/api/agent/projects/" + project + "/audit-analysis/async");
        clock.advance(Duration.ofSeconds(10));
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("failReads", List.of("deliverables"))));

        Reply deliverables = get("/api/projects/" + project + "/deliverables");
        Reply analysis = get("/api/projects/" + project + "/audit-analysis");

        assertThat(deliverables.status()).isEqualTo(500);
        assertThat(deliverables.object()).containsOnlyKeys("error");
        assertThat(analysis.status()).isEqualTo(200);
        assertThat(counter("calls"))
                .isEqualTo(Map.of(
                        "POST /sim/audity/api/lead-generation/leads/{id}/convert", Map.of("201", 1),
                        "GET /sim/audity/api/lead-generation/leads", Map.of("200", 1),
                        "POST /sim/audity/api/agent/projects/{id}/audit-analysis/async", Map.of("202", 1),
                        "GET /sim/audity/api/projects/{id}/deliverables", Map.of("500", 1),
                        "GET /sim/audity/api/projects/{id}/audit-analysis", Map.of("200", 1)));
        assertThat(admin(HttpRequest.PUT("/sim/admin/faults", Map.of("failReads", List.of("projects"))))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anErrorRateOfOneAnswersServerErrorsWithoutCode() {
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("errorRate", 1.0)));

        Reply reply = get("/api/projects");

        assertThat(reply.status()).isIn(500, 502, 503);
        assertThat(reply.object()).containsOnlyKeys("error");
    }

    @Test
    void aResetRateOfOneClosesTheConnectionWithoutAnswer() {
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("resetRate", 1.0)));

        assertThatThrownBy(() -> client.toBlocking()
                        .exchange(HttpRequest.GET("/sim/audity/api/projects").bearerAuth(TOKEN)))
                .isNotInstanceOf(HttpClientResponseException.class);
        assertThat(admin(HttpRequest.GET("/sim/admin/counters")).at("calls"))
                .isEqualTo(Map.of("GET /sim/audity/api/projects", Map.of("reset", 1)));
    }

    @Test
    void addedLatencyDelaysTheAnswer() {
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("latencyMs", 300)));
        long start = System.nanoTime();

        assertThat(get("/api/projects").status()).isEqualTo(200);

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aRateLimitStormAnswers429WithRetryAfterOnBothApis() {
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("rateLimitStorm", true)));

        Reply audity = get("/api/projects");
        Reply repo = call(HttpRequest.GET("/sim/repo-audit/api/demo/audit/quota"));

        assertThat(audity.status()).isEqualTo(429);
        assertThat(audity.header("Retry-After")).isEqualTo("1");
        assertThat(repo.status()).isEqualTo(429);
        assertThat(admin(HttpRequest.GET("/sim/admin/counters")).at("rateLimited"))
                .isEqualTo(Map.of("audity", 1, "repoAudit", 1));
    }

    @Test
    void countersCountCallsPerRouteTemplateAndStatus() {
        get("/api/projects/abc");
        get("/api/projects/def");
        get("/api/projects");

        assertThat(admin(HttpRequest.GET("/sim/admin/counters")).at("calls"))
                .isEqualTo(Map.of(
                        "GET /sim/audity/api/projects/{id}", Map.of("404", 2),
                        "GET /sim/audity/api/projects", Map.of("200", 1)));
    }

    @Test
    void countersShowTheProjectsOfEachLeadTheJobsOfEachProjectAndTheAuditsOfEachRepository() {
        String lead =
                get("/api/lead-generation/leads?sortBy=ai_readiness_score").text("data.1.id");
        String project = post("/api/lead-generation/leads/" + lead + "/convert").text("data.auditId");
        clock.advance(Duration.ofSeconds(10));
        post("/api/agent/projects/" + project + "/audit-analysis/async");
        post("/api/agent/projects/" + project + "/audit-analysis/async");
        call(HttpRequest.POST(
                        "/sim/repo-audit/api/demo/audit",
                        Map.of("repo_url", "https://github.com/o/r.git", "publish_consent", true))
                .bearerAuth("clerk"));

        Reply counters = admin(HttpRequest.GET("/sim/admin/counters"));

        assertThat(counters.object())
                .containsKeys(
                        "calls",
                        "conversions",
                        "projectsByLead",
                        "jobs",
                        "rateLimited",
                        "peaks",
                        "repoAuditSubmits",
                        "audits");
        assertThat(counters.at("conversions")).isEqualTo(Map.of(lead, 1));
        assertThat(counters.at("projectsByLead")).isEqualTo(Map.of(lead, List.of(project)));
        assertThat(counters.at("jobs")).isEqualTo(Map.of(project, 2));
        assertThat(counters.at("audits")).isEqualTo(Map.of("https://github.com/o/r", 1));
        assertThat(counters.at("repoAuditSubmits")).isEqualTo(Map.of("https://github.com/o/r", 1));
    }

    @Test
    void resetWipesStateCountersAndFaults() {
        String lead = get("/api/lead-generation/leads").text("data.0.id");
        post("/api/lead-generation/leads/" + lead + "/convert");
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("latencyMs", 5)));

        admin(HttpRequest.POST("/sim/admin/reset", ""));

        assertThat(admin(HttpRequest.GET("/sim/admin/faults")).at("latencyMs")).isEqualTo(0);
        assertThat(admin(HttpRequest.GET("/sim/admin/counters")).at("conversions"))
                .isEqualTo(Map.of());
        assertThat(get("/api/user/credits").at("balance")).isEqualTo(10000);
    }
}
