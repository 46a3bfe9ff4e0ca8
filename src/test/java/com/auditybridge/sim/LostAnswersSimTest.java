package com.auditybridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code loseAnswer} fault: a paid call commits, then the connection closes without any answer. */
@MicronautTest(environments = "sim")
class LostAnswersSimTest extends SimTestBase {

    @Test
    void aLostAnswerStillCharges() {
        String lead =
                get("/api/lead-generation/leads?sortBy=ai_readiness_score").text("data.1.id");
        faults(Map.of("loseAnswer", List.of("convert")));

        assertNoAnswer(HttpRequest.POST("/sim/audity/api/lead-generation/leads/" + lead + "/convert", "")
                .bearerAuth(TOKEN));

        assertThat(get("/api/user/credits").at("balance")).isEqualTo(9000);
        assertThat(get("/api/lead-generation/leads/" + lead).text("lead.surveyStatus"))
                .isEqualTo("converted");
        assertThat(counter("conversions")).isEqualTo(Map.of(lead, 1));
        assertThat(counter("calls.POST /sim/audity/api/lead-generation/leads/{id}/convert"))
                .isEqualTo(Map.of("reset", 1));
    }

    @Test
    void aLostTriggerStillCreatesItsJob() {
        String project = analysedProject(0);
        faults(Map.of("loseAnswer", List.of("trigger")));

        assertNoAnswer(HttpRequest.POST("/sim/audity/api/agent/projects/" + project + "/audit-analysis/async", "")
                .bearerAuth(TOKEN));

        assertThat(counter("jobs")).isEqualTo(Map.of(project, 1));
        clock.advance(Duration.ofSeconds(10));
        assertThat(get("/api/projects/" + project).at("hasAuditAnalysis")).isEqualTo(true);
    }

    @Test
    void aLostSubmitStillCreatesItsAudit() {
        faults(Map.of("loseAnswer", List.of("submit")));

        assertNoAnswer(HttpRequest.POST(
                        "/sim/repo-audit/api/demo/audit",
                        Map.of("repo_url", "https://github.com/o/r", "publish_consent", true))
                .bearerAuth("clerk"));

        assertThat(counter("audits")).isEqualTo(Map.of("https://github.com/o/r", 1));
        assertThat(call(HttpRequest.GET("/sim/repo-audit/api/demo/audit/history")
                                .bearerAuth("clerk"))
                        .text("0.repo_url"))
                .isEqualTo("https://github.com/o/r");
    }

    @Test
    void onlyTheNamedKindsLoseTheirAnswers() {
        faults(Map.of("loseAnswer", List.of("trigger", "submit")));
        String lead =
                get("/api/lead-generation/leads?sortBy=ai_readiness_score").text("data.1.id");

        assertThat(admin(HttpRequest.GET("/sim/admin/faults")).at("loseAnswer"))
                .isEqualTo(List.of("trigger", "submit"));
        assertThat(post("/api/lead-generation/leads/" + lead + "/convert").status())
                .isEqualTo(201);
        assertThat(admin(HttpRequest.PUT("/sim/admin/faults", Map.of("loseAnswer", List.of("patch"))))
                        .status())
                .isEqualTo(400);
    }

    private void assertNoAnswer(MutableHttpRequest<?> request) {
        assertThatThrownBy(() -> client.toBlocking().exchange(request))
                .isNotInstanceOf(HttpClientResponseException.class);
    }
}
