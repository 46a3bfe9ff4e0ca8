package com.auditybridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim")
class RepoAuditSimTest extends SimTestBase {
    private static final String CLERK = "clerk-session-of-ada";
    private static final String BASE = "/sim/repo-audit/api/demo/audit";

    @Test
    void aNewAuditIsQueuedThenWalksThroughItsStagesToComplete() {
        Reply submitted = submit(CLERK, "https://github.com/Owner/Repo");

        assertThat(submitted.status()).isEqualTo(202);
        assertThat(submitted.text("status")).isEqualTo("queued");
        String id = submitted.text("audit_id");
        clock.advance(Duration.ofSeconds(2));
        assertThat(status(id).text("stage")).isEqualTo("ingesting");
        clock.advance(Duration.ofSeconds(6));
        Reply done = status(id);
        assertThat(done.header("Cache-Control")).isEqualTo("no-store");
        assertThat(done.object())
                .containsEntry("status", "complete")
                .containsEntry("entity_id", "repo-owner-repo")
                .containsEntry("error", null)
                .containsEntry("created_at", "2026-04-20T12:00:00+00:00");
        assertThat((List<?>) done.at("neighbors")).hasSize(8);
        assertThat(done.text("markdown")).startsWith("## Review");
    }

    @Test
    void aCompleteAuditOfTheSameNormalisedUrlIsDeduped() {
        String id = submit(CLERK, "https://github.com/owner/repo").text("audit_id");
        clock.advance(Duration.ofSeconds(8));

        Reply again = submit(CLERK, "https://GitHub.com/owner/repo.git/");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.parsed()).isEqualTo(Map.of("audit_id", id, "status", "complete", "deduped", true));
    }

    @Test
    void anInvalidUrlOrMissingConsentAnswers400() {
        Reply badUrl = submit(CLERK, "https://gitlab.com/owner/repo");
        Reply noConsent = call(auth(HttpRequest.POST(BASE, Map.of("repo_url", "https://github.com/a/b")), CLERK));

        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(noConsent.object()).containsOnlyKeys("error");
    }

    @Test
    void anAnonymousCallerGetsOneAuditADayAndFailedAuditsDoNotCount() {
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of("jobFailureRate", 1.0)));
        String failing = submit(null, "https://github.com/a/one").text("audit_id");
        clock.advance(Duration.ofSeconds(8));
        assertThat(status(failing).text("status")).isEqualTo("failed");
        assertThat(status(failing).at("error")).isNotNull();
        admin(HttpRequest.PUT("/sim/admin/faults", Map.of()));

        assertThat(submit(null, "https://github.com/a/two").status()).isEqualTo(202);
        Reply refused = submit(null, "https://github.com/a/three");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.parsed()).isEqualTo(Map.of("error", "quota exceeded: 1/1 today"));
        assertThat(refused.header("Retry-After")).isNull();
        assertThat(call(HttpRequest.GET(BASE + "/quota")).object())
                .containsEntry("limit", 1)
                .containsEntry("used", 1);
    }

    @Test
    void aFourthAuditInFlightAnswers503WithRetryAfter60() {
        for (String repo : List.of("a", "b", "c")) {
            submit(CLERK, "https://github.com/o/" + repo);
        }

        Reply busy = submit(CLERK, "https://github.com/o/d");

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("60");
    }

    @Test
    void theEleventhSubmitInAMinuteAnswers429WithRetryAfter() {
        for (int i = 0; i < 10; i++) {
            submit(CLERK, "https://github.com/o/r" + i);
        }

        Reply limited = submit(CLERK, "https://github.com/o/r10");

        assertThat(limited.parsed()).isEqualTo(Map.of("error", "rate limit exceeded"));
        assertThat(limited.header("Retry-After")).isEqualTo("60");
    }

    @Test
    void historyNeedsSignInAndListsTheCallersOwnAuditsNewestFirst() {
        String first = submit(CLERK, "https://github.com/o/first").text("audit_id");
        clock.advance(Duration.ofMinutes(1));
        submit("someone-else", "https://github.com/o/theirs");
        String second = submit(CLERK, "https://github.com/o/second.git").text("audit_id");
        clock.advance(Duration.ofSeconds(8));

        Reply history = call(auth(HttpRequest.GET(BASE + "/history"), CLERK));

        assertThat(call(HttpRequest.GET(BASE + "/history")).status()).isEqualTo(401);
        assertThat((List<?>) history.parsed()).hasSize(2);
        assertThat(history.objectAt("0"))
                .containsOnlyKeys("audit_id", "repo_url", "status", "entity_id", "created_at")
                .containsEntry("audit_id", second)
                .containsEntry("repo_url", "https://github.com/o/second")
                .containsEntry("status", "complete")
                .containsEntry("entity_id", "repo-o-second")
                .containsEntry("created_at", "2026-04-20T12:01:00+00:00");
        assertThat(history.objectAt("1"))
                .containsEntry("audit_id", first)
                .containsEntry("status", "complete")
                .containsEntry("created_at", "2026-04-20T12:00:00+00:00");
    }

    @Test
    void deletingAnswersDeletedForTheOwner403ForOthersAnd404ForUnknown() {
        String id = submit(CLERK, "https://github.com/o/mine").text("audit_id");

        assertThat(call(auth(HttpRequest.DELETE(BASE + "/" + id), "someone-else"))
                        .status())
                .isEqualTo(403);
        assertThat(call(auth(HttpRequest.DELETE(BASE + "/" + id), CLERK)).parsed())
                .isEqualTo(Map.of("deleted", true));
        assertThat(call(auth(HttpRequest.DELETE(BASE + "/" + id), CLERK)).status())
                .isEqualTo(404);
        assertThat(status(id).status()).isEqualTo(404);
    }

    @Test
    void submitsAreCountedPerNormalisedUrl() {
        submit(CLERK, "https://github.com/o/r");
        submit(CLERK, "https://github.com/o/r/");

        assertThat(admin(HttpRequest.GET("/sim/admin/counters")).at("repoAuditSubmits"))
                .isEqualTo(Map.of("https://github.com/o/r", 2));
    }

    private Reply submit(String clerkToken, String url) {
        return call(auth(HttpRequest.POST(BASE, Map.of("repo_url", url, "publish_consent", true)), clerkToken));
    }

    private Reply status(String id) {
        return call(HttpRequest.GET(BASE + "/" + id));
    }

    private static MutableHttpRequest<?> auth(MutableHttpRequest<?> request, String token) {
        return token == null ? request : request.bearerAuth(token);
    }
}
