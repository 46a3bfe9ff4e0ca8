package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim", transactional = false)
class RepoAuditFlowTest extends BridgeTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("sim.repo-audit.stage-duration", "5s");
    }

    private Reply requestAudit(String repoUrl) {
        return hook("repo-audit-requested", """
                {"repoUrl":"%s","publishConsent":true,"callbackUrl":"http://127.0.0.1:9/done"}""".formatted(repoUrl));
    }

    @SuppressWarnings("unchecked")
    private List<String> timelineOutcomes(Reply run) {
        return ((List<Map<String, Object>>) run.at("timeline"))
                .stream().map(e -> (String) e.get("outcome")).toList();
    }

    @Test
    void aNewAuditIsPolledThroughEveryStageAndEndsWithItsMarkdownAndNeighbors() {
        Reply accepted = requestAudit("https://GitHub.com/acme/widgets.git/");
        assertThat(accepted.status()).isEqualTo(202);

        Reply done = driveToEnd(accepted.text("runId"), Duration.ofSeconds(1), 60);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(done.text("input.repoUrl")).isEqualTo("https://github.com/acme/widgets");
        assertThat(done.text("result.repoAudit.markdown")).isNotBlank();
        assertThat(done.text("result.repoAudit.entityId")).isEqualTo("repo-acme-widgets");
        assertThat((List<?>) done.at("result.repoAudit.neighbors")).isNotEmpty();
        assertThat(timelineOutcomes(done))
                .containsSubsequence("submitted", "ingesting", "indexing", "critiquing", "completed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStageKeptBetweenPollsIsNeverPartOfTheRunsResultNorOfItsEvents() {
        String runId = requestAudit("https://github.com/acme/notes-" + System.nanoTime())
                .text("runId");
        Set<String> shownWhilePolling = new HashSet<>();
        Reply run = run(runId);
        for (int round = 0; round < 60 && !"completed".equals(run.text("status")); round++) {
            scheduler.runAnyDueExecutions();
            clock.advance(Duration.ofSeconds(1));
            run = run(runId);
            Map<String, Object> result = (Map<String, Object>) run.at("result");
            if (result != null) {
                shownWhilePolling.addAll(result.keySet());
            }
        }

        assertThat(run.text("status")).as(run.body()).isEqualTo("completed");
        assertThat(timelineOutcomes(run))
                .as("one row a stage: the stage seen last is kept between polls")
                .containsOnlyOnce("ingesting", "indexing");
        assertThat(((Map<String, Object>) run.at("result")).keySet()).containsExactly("auditId", "repoAudit");
        assertThat(shownWhilePolling).isSubsetOf("auditId", "repoAudit");
        assertThat(rows.events(runId))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(String.valueOf(event.get("payload")))
                        .doesNotContain("\"stage\"", "_notes", "auditStage"));
    }

    @Test
    void anAuditCompletedWithinADayIsDedupedUpstreamAndStillSucceeds() {
        driveToEnd(requestAudit("https://github.com/acme/widgets").text("runId"), Duration.ofSeconds(1), 60);
        clock.advance(Duration.ofMinutes(5));

        Reply second = requestAudit("https://github.com/acme/widgets/");
        Reply done = driveToEnd(second.text("runId"), Duration.ofSeconds(1), 20);

        assertThat(done.text("status")).isEqualTo("completed");
        assertThat(timelineOutcomes(done)).contains("deduped");
        assertThat(done.text("result.repoAudit.markdown")).isNotBlank();
    }

    @Test
    void theDailyQuotaFailsTheRunWithQuotaExceededAndTheUpstreamMessage() {
        driveToEnd(requestAudit("https://github.com/acme/one").text("runId"), Duration.ofSeconds(1), 60);

        Reply done = driveToEnd(requestAudit("https://github.com/acme/two").text("runId"), Duration.ofSeconds(1), 20);

        assertThat(done.text("status")).isEqualTo("failed");
        assertThat(done.text("error.code")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(done.text("error.message")).contains("quota exceeded");
    }

    @Test
    void theConcurrencyCapMakesTheRunWaitForRetryAfterAndThenSucceed() {
        for (String repo : List.of("a", "b", "c")) {
            assertThat(call(HttpRequest.POST(
                                            "/sim/repo-audit/api/demo/audit",
                                            Map.of(
                                                    "repo_url",
                                                    "https://github.com/other/" + repo,
                                                    "publish_consent",
                                                    true))
                                    .bearerAuth("other-user-" + repo))
                            .status())
                    .isEqualTo(202);
        }
        Reply accepted = requestAudit("https://github.com/acme/widgets");
        scheduler.runAnyDueExecutions();
        Reply waiting = run(accepted.text("runId"));
        assertThat(waiting.text("status")).isEqualTo("running");
        assertThat(waiting.text("step")).isEqualTo("submit");
        assertThat(waiting.body()).contains("UPSTREAM_BUSY");

        Reply done = driveToEnd(accepted.text("runId"), Duration.ofSeconds(5), 100);

        assertThat(done.text("status")).isEqualTo("completed");
    }

    @Test
    void aFailedAuditEndsTheRunWithTheUpstreamError() {
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("jobFailureRate", 1.0)));

        Reply done =
                driveToEnd(requestAudit("https://github.com/acme/widgets").text("runId"), Duration.ofSeconds(1), 60);

        assertThat(done.text("status")).isEqualTo("failed");
        assertThat(done.text("error.code")).isEqualTo("REPO_AUDIT_FAILED");
        assertThat(done.text("error.message")).isNotBlank();
    }

    @Test
    void withoutPublishConsentTheHookIsRefusedAndNothingIsQueued() {
        Reply refused = hook("repo-audit-requested", """
                {"repoUrl":"https://github.com/acme/widgets","publishConsent":false}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("PUBLISH_CONSENT_REQUIRED");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aUrlThatIsNotAGithubRepositoryIsRefused() {
        Reply refused = hook("repo-audit-requested", """
                {"repoUrl":"https://gitlab.com/acme/widgets","publishConsent":true}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("INVALID_REPO_URL");
    }
}
