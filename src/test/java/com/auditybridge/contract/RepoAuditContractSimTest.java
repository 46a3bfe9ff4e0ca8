package com.auditybridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each repo-audit route's success and documented errors, as the simulator really answers them. */
@MicronautTest(environments = "sim")
class RepoAuditContractSimTest extends ContractSimTestBase {
    static final String CLERK = "clerk-session-of-ada";
    static final String AUDITS = "/api/demo/audit";

    @Test
    void aSubmitIsQueuedThenDedupedOnceComplete() {
        assertThat(submit(CLERK, "https://github.com/owner/repo").status()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(10));

        assertThat(submit(CLERK, "https://github.com/owner/repo.git").text("status"))
                .isEqualTo("complete");
    }

    @Test
    void aBadUrlOrMissingConsentAnswers400() {
        assertThat(submit(CLERK, "https://gitlab.com/owner/repo").status()).isEqualTo(400);
        assertThat(repoAudit("POST", AUDITS, "{\"repo_url\":\"https://github.com/o/r\"}", CLERK)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theDailyQuotaAnswers429() {
        submit(null, "https://github.com/owner/one");
        clock.advance(Duration.ofSeconds(10));

        assertThat(submit(null, "https://github.com/owner/two").text("error")).isEqualTo("quota exceeded: 1/1 today");
    }

    @Test
    void theFourthAuditInFlightAnswers503WithRetryAfter60() {
        for (int i = 0; i < 3; i++) {
            submit(CLERK, "https://github.com/owner/repo" + i);
        }

        Reply busy = submit(CLERK, "https://github.com/owner/repo3");

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("60");
    }

    @Test
    void theEleventhSubmitInAMinuteAnswers429WithRetryAfter() {
        for (int i = 0; i < 10; i++) {
            submit(CLERK, "not a url");
        }

        assertThat(submit(CLERK, "not a url").header("Retry-After")).isNotNull();
    }

    @Test
    void theStatusOfAQueuedCompleteOrFailedAuditAnswersWithNoStore() {
        String queued = submit(CLERK, "https://github.com/owner/repo").text("audit_id");
        assertThat(repoAudit("GET", AUDITS + "/" + queued, null, null).text("status"))
                .isEqualTo("queued");
        clock.advance(Duration.ofSeconds(10));
        assertThat(repoAudit("GET", AUDITS + "/" + queued, null, null).text("status"))
                .isEqualTo("complete");
        faults(Map.of("jobFailureRate", 1.0));
        String failing = submit(CLERK, "https://github.com/owner/other").text("audit_id");
        clock.advance(Duration.ofSeconds(10));

        assertThat(repoAudit("GET", AUDITS + "/" + failing, null, null).text("status"))
                .isEqualTo("failed");
        assertThat(repoAudit("GET", AUDITS + "/" + UNKNOWN_ID, null, null).status())
                .isEqualTo(404);
    }

    @Test
    void quotaAndHistoryAnswerTheirShapesAndHistoryNeedsSignIn() {
        submit(CLERK, "https://github.com/owner/repo");

        assertThat(repoAudit("GET", AUDITS + "/quota", null, CLERK).at("used")).isEqualTo(1);
        assertThat(repoAudit("GET", AUDITS + "/quota", null, null).at("limit")).isEqualTo(1);
        assertThat(repoAudit("GET", AUDITS + "/history", null, CLERK).status()).isEqualTo(200);
        assertThat(repoAudit("GET", AUDITS + "/history", null, null).status()).isEqualTo(401);
    }

    @Test
    void deleteAnswersDeletedOrEachDocumentedRefusal() {
        String id = submit(CLERK, "https://github.com/owner/repo").text("audit_id");

        assertThat(repoAudit("DELETE", AUDITS + "/" + id, null, null).status()).isEqualTo(401);
        assertThat(repoAudit("DELETE", AUDITS + "/" + id, null, "someone-else").status())
                .isEqualTo(403);
        assertThat(repoAudit("DELETE", AUDITS + "/" + id, null, CLERK).at("deleted"))
                .isEqualTo(true);
        assertThat(repoAudit("DELETE", AUDITS + "/" + id, null, CLERK).status()).isEqualTo(404);
    }

    @Test
    void aRateLimitStormAnswersDocumented429sOnEveryRoute() {
        faults(Map.of("rateLimitStorm", true));

        assertThat(submit(CLERK, "https://github.com/owner/repo").status()).isEqualTo(429);
        assertThat(repoAudit("GET", AUDITS + "/" + UNKNOWN_ID, null, null).status())
                .isEqualTo(429);
        assertThat(repoAudit("GET", AUDITS + "/quota", null, null).status()).isEqualTo(429);
        assertThat(repoAudit("GET", AUDITS + "/history", null, CLERK).status()).isEqualTo(429);
        assertThat(repoAudit("DELETE", AUDITS + "/" + UNKNOWN_ID, null, CLERK).status())
                .isEqualTo(429);
    }

    private Reply submit(String token, String url) {
        return repoAudit("POST", AUDITS, "{\"repo_url\":\"" + url + "\",\"publish_consent\":true}", token);
    }
}
