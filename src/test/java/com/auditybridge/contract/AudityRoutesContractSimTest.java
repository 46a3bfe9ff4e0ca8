package com.auditybridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each Audity route's success and its own documented errors, as the simulator really answers them. */
@MicronautTest(environments = "sim")
class AudityRoutesContractSimTest extends ContractSimTestBase {

    @Test
    void accountRoutesAnswerTheirBareObjects() {
        assertThat(audity("GET", "/api/user/current", null).status()).isEqualTo(200);
        assertThat(audity("GET", "/api/user/tier", null).status()).isEqualTo(200);
        assertThat(audity("GET", "/api/user/credits", null).status()).isEqualTo(200);
    }

    @Test
    void leadsAnswerTheirListDetailAndErrors() {
        Reply list = audity(
                "GET",
                "/api/lead-generation/leads?status=all&sortBy=ai_readiness_score&sortOrder=desc&limit=50&page=1",
                null);
        String lead = list.text("data.0.id");

        assertThat(audity("GET", "/api/lead-generation/leads/" + lead, null).status())
                .isEqualTo(200);
        assertThat(audity("GET", "/api/lead-generation/leads/" + UNKNOWN_ID, null)
                        .status())
                .isEqualTo(404);
        assertThat(audity("GET", "/api/lead-generation/leads?sortOrder=sideways", null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void convertAnswers201ThenAlreadyConverted400AndUnknownLeads404() {
        String lead = unconvertedLead();

        assertThat(audity("POST", "/api/lead-generation/leads/" + lead + "/convert", null)
                        .status())
                .isEqualTo(201);
        assertThat(audity("POST", "/api/lead-generation/leads/" + lead + "/convert", null)
                        .status())
                .isEqualTo(400);
        assertThat(audity("POST", "/api/lead-generation/leads/" + UNKNOWN_ID + "/convert", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void convertWithoutEnoughCreditsAnswers402() {
        account(Map.of("token", TOKEN, "credits", 999));

        assertThat(audity("POST", "/api/lead-generation/leads/" + unconvertedLead() + "/convert", null)
                        .status())
                .isEqualTo(402);
    }

    @Test
    void writesOnASoloTierOrWithoutWriteScopeAnswerDocumented403s() {
        String project = convertedProject(0);
        account(Map.of("token", TOKEN, "tier", "solo"));

        assertThat(audity("PATCH", "/api/projects/" + project, "{\"industry\":\"Retail\"}")
                        .text("requiredTier"))
                .isEqualTo("starter");
        assertThat(audity("POST", "/api/agent/projects/" + project + "/audit-analysis/async", null)
                        .status())
                .isEqualTo(403);
        account(Map.of("token", TOKEN, "tier", "growth", "scopes", List.of("read")));
        assertThat(audity("POST", "/api/lead-generation/leads/" + UNKNOWN_ID + "/convert", null)
                        .text("code"))
                .isEqualTo("PAT_SCOPE_INSUFFICIENT");
    }

    @Test
    void projectsAnswerTheirListDetailAndUnknownIds() {
        String project = convertedProject(0);

        assertThat(audity("GET", "/api/projects", null).status()).isEqualTo(200);
        assertThat(audity("GET", "/api/projects/" + project, null).status()).isEqualTo(200);
        assertThat(audity("GET", "/api/projects/" + UNKNOWN_ID, null).status()).isEqualTo(404);
    }

    @Test
    void aPatchAnswersTheUpdatedProjectOrEachDocumentedValidationCode() {
        String path = "/api/projects/" + convertedProject(0);

        assertThat(audity("PATCH", path, "{\"description\":\"After intake\",\"currency\":\"EUR\"}")
                        .status())
                .isEqualTo(200);
        assertThat(audity("PATCH", path, "{}").text("code")).isEqualTo("EMPTY_PATCH");
        assertThat(audity("PATCH", path, "{\"description\":42}").text("code")).isEqualTo("INVALID_DESCRIPTION_TYPE");
        assertThat(audity("PATCH", path, "{\"description\":\"" + "x".repeat(5001) + "\"}")
                        .text("code"))
                .isEqualTo("DESCRIPTION_TOO_LONG");
        assertThat(audity("PATCH", "/api/projects/" + UNKNOWN_ID, "{\"industry\":\"Retail\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anAsyncAuditAnswers202AndItsJobWalksThroughEveryStatus() {
        String project = analysedProject(0);
        Reply started = audity("POST", "/api/agent/projects/" + project + "/audit-analysis/async", null);
        String job = "/api/agent/jobs/" + started.text("data.jobId");

        assertThat(started.status()).isEqualTo(202);
        assertThat(audity("GET", job, null).text("data.status")).isEqualTo("pending");
        clock.advance(Duration.ofSeconds(3));
        assertThat(audity("GET", job, null).text("data.status")).isEqualTo("processing");
        clock.advance(Duration.ofSeconds(10));
        assertThat(audity("GET", job, null).text("data.status")).isEqualTo("completed");
        assertThat(audity("GET", "/api/agent/jobs/" + UNKNOWN_ID, null).status())
                .isEqualTo(404);
    }

    @Test
    void theLatestAuditAnalysisAnswersNoneRunningAndCompleted() {
        String project = analysedProject(0);
        String latest = "/api/projects/" + project + "/audit-analysis";

        assertThat(audity("GET", latest, null).status()).isEqualTo(404);
        audity("POST", "/api/agent/projects/" + project + "/audit-analysis/async", null);
        assertThat(audity("GET", latest, null).text("status")).isEqualTo("running");
        clock.advance(Duration.ofSeconds(10));
        assertThat(audity("GET", latest, null).text("status")).isEqualTo("completed");
        assertThat(audity("GET", "/api/projects/" + UNKNOWN_ID + "/audit-analysis", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theDeliverablesAnswerNoneUntilAnAnalysisCompletedThenItsDocuments() {
        String project = analysedProject(0);
        String deliverables = "/api/projects/" + project + "/deliverables";

        assertThat(audity("GET", deliverables, null).text("error")).isEqualTo("No deliverables found");
        audity("POST", "/api/agent/projects/" + project + "/audit-analysis/async", null);
        assertThat(audity("GET", deliverables, null).status()).isEqualTo(404);
        clock.advance(Duration.ofSeconds(10));
        Reply answered = audity("GET", deliverables, null);
        assertThat(answered.at("success")).isEqualTo(true);
        assertThat(answered.objectAt("data"))
                .containsKeys("executiveSummary", "opportunityMatrix", "riskAssessment", "stakeholderMemos");
        assertThat(answered.body().length()).as("tens of KB").isGreaterThan(20_000);
        assertThat(audity("GET", "/api/projects/" + project + "/audit-analysis", null)
                        .body()
                        .length())
                .as("several KB")
                .isGreaterThan(4_000);
        assertThat(audity("GET", "/api/projects/" + UNKNOWN_ID + "/deliverables", null)
                        .text("error"))
                .isEqualTo("Project not found");
    }

    @Test
    void aFailedJobAnswersItsErrorFields() {
        faults(Map.of("jobFailureRate", 1.0));
        String project = analysedProject(0);
        String job = audity("POST", "/api/agent/projects/" + project + "/audit-analysis/async", null)
                .text("data.jobId");
        clock.advance(Duration.ofSeconds(15));

        assertThat(audity("GET", "/api/agent/jobs/" + job, null).text("data.status"))
                .isEqualTo("failed");
    }

    @Test
    void anAsyncAuditAnswersEachOfItsDocumentedRefusals() {
        String project = analysedProject(0);
        String trigger = "/api/agent/projects/" + project + "/audit-analysis/async";

        admin(io.micronaut.http.HttpRequest.PUT("/sim/admin/audity/projects/" + project, Map.of("tooLarge", true)));
        assertThat(audity("POST", trigger, null).status()).isEqualTo(413);
        admin(io.micronaut.http.HttpRequest.PUT(
                "/sim/admin/audity/projects/" + project, Map.of("hasInterviewAnalysis", false)));
        assertThat(audity("POST", trigger, null).text("code")).isEqualTo("PREREQUISITE_MISSING");
        admin(io.micronaut.http.HttpRequest.PUT(
                "/sim/admin/audity/projects/" + project, Map.of("hasInterviewAnalysis", true, "tooLarge", false)));
        account(Map.of("token", TOKEN, "analysisBudgetUsd", 0.5));
        assertThat(audity("POST", trigger, null).text("code")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(audity("POST", "/api/agent/projects/" + UNKNOWN_ID + "/audit-analysis/async", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theTwentyFirstWriteInAMinuteAnswersADocumented429() {
        for (int i = 0; i < 20; i++) {
            audity("POST", "/api/lead-generation/leads/" + UNKNOWN_ID + "/convert", null);
        }

        Reply limited = audity("POST", "/api/lead-generation/leads/" + UNKNOWN_ID + "/convert", null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("60");
    }

    private String unconvertedLead() {
        List<?> leads = (List<?>)
                audity("GET", "/api/lead-generation/leads?status=active", null).at("data");
        return leads.stream()
                .map(l -> (Map<?, ?>) l)
                .filter(l -> "completed".equals(l.get("surveyStatus")))
                .map(l -> (String) l.get("id"))
                .findFirst()
                .orElseThrow();
    }
}
