package com.auditybridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim")
class AudityJobsSimTest extends SimTestBase {

    @Test
    void asyncAnalysisAnswers202PendingAndTheJobCompletesOnTheClock() {
        String project = analysedProject(0);

        Reply started = post("/api/agent/projects/" + project + "/audit-analysis/async");

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.text("data.status")).isEqualTo("pending");
        assertThat(started.text("data.projectId")).isEqualTo(project);
        String job = started.text("data.jobId");
        Reply pending = get("/api/agent/jobs/" + job);
        assertThat(pending.objectAt("data"))
                .containsOnlyKeys(
                        "jobId",
                        "projectId",
                        "status",
                        "createdAt",
                        "updatedAt",
                        "startedAt",
                        "completedAt",
                        "analysisId",
                        "error",
                        "errorCode");
        assertThat(pending.at("data.startedAt")).isNull();
        clock.advance(Duration.ofSeconds(2));
        assertThat(get("/api/agent/jobs/" + job).text("data.status")).isEqualTo("processing");
        clock.advance(Duration.ofSeconds(8));
        Reply done = get("/api/agent/jobs/" + job);
        assertThat(done.text("data.status")).isEqualTo("completed");
        assertThat(done.at("data.analysisId")).isNotNull();
        assertThat(done.text("data.completedAt")).isEqualTo("2026-04-20T12:00:20Z");
        assertThat(get("/api/projects/" + project).at("hasAuditAnalysis")).isEqualTo(true);
    }

    @Test
    void aFailingJobEndsFailedWithErrorAndErrorCode() {
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("jobFailureRate", 1.0)));
        String job = post("/api/agent/projects/" + analysedProject(0) + "/audit-analysis/async")
                .text("data.jobId");

        clock.advance(Duration.ofSeconds(10));
        Reply failed = get("/api/agent/jobs/" + job);

        assertThat(failed.text("data.status")).isEqualTo("failed");
        assertThat(failed.text("data.errorCode")).isEqualTo("ANALYSIS_FAILED");
        assertThat(failed.at("data.error")).isNotNull();
        assertThat(failed.at("data.completedAt")).isNull();
        assertThat(failed.at("data.analysisId")).isNull();
    }

    @Test
    void missingInterviewAnalysisAnswers422UntilAnAdminAddsIt() {
        String project = convertedProject(0);
        setProject(project, Map.of("hasInterviewAnalysis", false));

        Reply refused = post("/api/agent/projects/" + project + "/audit-analysis/async");
        setProject(project, Map.of("hasInterviewAnalysis", true));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.parsed())
                .isEqualTo(Map.of(
                        "error",
                        "Document or interview analysis required but not found",
                        "code",
                        "PREREQUISITE_MISSING"));
        assertThat(post("/api/agent/projects/" + project + "/audit-analysis/async")
                        .status())
                .isEqualTo(202);
    }

    @Test
    void anExhaustedAnalysisBudgetAnswers402QuotaExceededWithDetails() {
        String project = analysedProject(0);
        admin(HttpRequest.PUT("/sim/admin/audity/accounts", Map.of("token", TOKEN, "analysisBudgetUsd", 0.0)));

        Reply reply = post("/api/agent/projects/" + project + "/audit-analysis/async");

        assertThat(reply.status()).isEqualTo(402);
        assertThat(reply.text("code")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(reply.at("details.estimatedCostUSD")).isEqualTo(1.5);
        assertThat(reply.at("details.limitUSD")).isEqualTo(0.0);
    }

    @Test
    void aProjectTooLargeToAnalyzeAnswers413() {
        String project = analysedProject(0);
        setProject(project, Map.of("tooLarge", true));

        assertThat(post("/api/agent/projects/" + project + "/audit-analysis/async")
                        .parsed())
                .isEqualTo(Map.of("error", "Content too large to analyze"));
    }

    @Test
    void theSoloTierCannotStartAnAnalysis() {
        String project = convertedProject(0);
        admin(HttpRequest.PUT("/sim/admin/audity/accounts", Map.of("token", TOKEN, "tier", "solo")));

        Reply reply = post("/api/agent/projects/" + project + "/audit-analysis/async");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.text("requiredTier")).isEqualTo("starter");
    }

    @Test
    void unknownProjectsAndUnknownOrForeignJobsAnswer404() {
        String job = post("/api/agent/projects/" + analysedProject(0) + "/audit-analysis/async")
                .text("data.jobId");

        assertThat(post("/api/agent/projects/unknown/audit-analysis/async").parsed())
                .isEqualTo(Map.of("error", "Project not found"));
        assertThat(get("/api/agent/jobs/unknown").parsed()).isEqualTo(Map.of("error", "Job not found"));
        assertThat(audity(HttpRequest.GET("/sim/audity/api/agent/jobs/" + job), OTHER_TOKEN)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theLatestAuditAnalysisIsRunningThenCompleted() {
        String project = analysedProject(0);
        String latest = "/api/projects/" + project + "/audit-analysis";
        Reply none = get(latest);
        String firstJob =
                post("/api/agent/projects/" + project + "/audit-analysis/async").text("data.jobId");

        Reply running = get(latest);
        clock.advance(Duration.ofSeconds(10));
        Reply completed = get(latest);

        assertThat(none.status()).isEqualTo(404);
        assertThat(none.parsed()).isEqualTo(Map.of("error", "No audit analysis found"));
        assertThat(running.status()).isEqualTo(200);
        assertThat(running.object())
                .containsEntry("id", null)
                .containsEntry("projectId", project)
                .containsEntry("status", "running")
                .containsEntry("createdAt", "2026-04-20T12:00:10Z");
        Reply job = get("/api/agent/jobs/" + firstJob);
        assertThat(completed.object())
                .containsEntry("id", job.text("data.analysisId"))
                .containsEntry("projectId", project)
                .containsEntry("jobId", firstJob)
                .containsEntry("status", "completed")
                .containsEntry("createdAt", "2026-04-20T12:00:10Z")
                .containsEntry("completedAt", "2026-04-20T12:00:20Z");
        assertThat(completed.text("analysis.executiveSummary")).isNotBlank();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) completed.at("analysis.findings");
        assertThat(findings).isNotEmpty().allSatisfy(f -> assertThat(f).containsKeys("title", "severity", "detail"));
        assertThat((List<?>) completed.at("analysis.opportunities")).isNotEmpty();
        assertThat(completed.body().length()).isGreaterThan(2_000);
    }

    @Test
    void aNewerJobShowsRunningUntilItCompletesAndReplacesTheLatestAnalysis() {
        String project = analysedProject(0);
        String latest = "/api/projects/" + project + "/audit-analysis";
        post("/api/agent/projects/" + project + "/audit-analysis/async");
        clock.advance(Duration.ofSeconds(10));
        String first = get(latest).text("id");

        String secondJob =
                post("/api/agent/projects/" + project + "/audit-analysis/async").text("data.jobId");
        Reply running = get(latest);
        clock.advance(Duration.ofSeconds(10));
        Reply second = get(latest);

        assertThat(running.text("status")).isEqualTo("running");
        assertThat(running.at("id")).isNull();
        assertThat(second.text("jobId")).isEqualTo(secondJob);
        assertThat(second.text("id"))
                .isNotEqualTo(first)
                .isEqualTo(get("/api/agent/jobs/" + secondJob).text("data.analysisId"));
    }

    @Test
    void onlyFailedJobsLeaveNoAuditAnalysis() {
        String project = analysedProject(0);
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("jobFailureRate", 1.0)));
        post("/api/agent/projects/" + project + "/audit-analysis/async");
        clock.advance(Duration.ofSeconds(10));

        assertThat(get("/api/projects/" + project + "/audit-analysis").status()).isEqualTo(404);
        assertThat(audity(HttpRequest.GET("/sim/audity/api/projects/" + project + "/audit-analysis"), OTHER_TOKEN)
                        .parsed())
                .isEqualTo(Map.of("error", "Project not found"));
    }

    private void setProject(String project, Map<String, Object> flags) {
        assertThat(admin(HttpRequest.PUT("/sim/admin/audity/projects/" + project, flags))
                        .status())
                .isEqualTo(200);
    }
}
