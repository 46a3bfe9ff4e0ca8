package com.auditybridge.repoaudit;

import static com.auditybridge.upstream.UpstreamErrorKind.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.upstream.CannedUpstream;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The repo-audit API: bare answers, an optional token, and its own quota and concurrency answers. */
class HttpRepoAuditApiTest {

    static final String TOKEN = "clerk-session-token";
    static final String REPO = "https://github.com/owner/repo";
    static final JsonMapper JSON = JsonMapper.createDefault();

    final CannedUpstream upstream = new CannedUpstream();
    final HttpRepoAuditApi api = new HttpRepoAuditApi(
            new RepoAuditConfig(upstream.baseUrl(), null, Duration.ofSeconds(2), Duration.ofSeconds(5)),
            JSON,
            Clock.fixed(Instant.parse("2026-04-20T13:45:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stop() {
        api.close();
        upstream.close();
    }

    @Test
    void aSubmissionSendsTheRepoUrlAndConsentAsSnakeCaseJson() throws IOException {
        upstream.answer("POST", "/api/demo/audit", 202, "{\"audit_id\":\"a-1\",\"status\":\"queued\"}");

        Outcome<AuditSubmission> outcome = api.submit(TOKEN, REPO, true);

        assertThat(outcome).isEqualTo(Outcome.success(202, new AuditSubmission("a-1", "queued", null)));
        assertThat(upstream.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(upstream.last().header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readValue(upstream.last().body(), Argument.mapOf(String.class, Object.class)))
                .isEqualTo(Map.of("repo_url", REPO, "publish_consent", true));
    }

    @Test
    void anAnonymousSubmissionSendsNoAuthorization() {
        upstream.answer(
                "POST", "/api/demo/audit", 200, "{\"audit_id\":\"a-1\",\"status\":\"complete\",\"deduped\":true}");

        AuditSubmission submission = api.submit(null, REPO, true).value();

        assertThat(submission.isDeduped()).isTrue();
        assertThat(upstream.last().header("Authorization")).isNull();
    }

    @Test
    void theStatusIsPolledWithoutAuthAndReadWithItsNeighbours() {
        upstream.answer("GET", "/api/demo/audit/a-1", 200, """
                {"audit_id":"a-1","repo_url":"https://github.com/owner/repo","status":"complete","stage":"complete",
                 "neighbors":[{"entity_id":"repo-other","title":"Other","score":0.89}],"markdown":"## Review",
                 "error":null,"entity_id":"repo-owner-repo","created_at":"2026-04-20T13:45:12+00:00"}""");

        AuditStatus status = api.status("a-1").value();

        assertThat(status.finished()).isTrue();
        assertThat(status.neighbors()).containsExactly(new AuditStatus.Neighbor("repo-other", "Other", 0.89));
        assertThat(upstream.last().header("Authorization")).isNull();
    }

    @Test
    void quotaHistoryAndDeleteAreReadBare() {
        upstream.answer(
                        "GET",
                        "/api/demo/audit/quota",
                        200,
                        "{\"limit\":5,\"used\":2,\"resets_at\":\"2026-04-21T13:45:12+00:00\"}")
                .answer(
                        "GET",
                        "/api/demo/audit/history",
                        200,
                        "[{\"audit_id\":\"a-1\",\"repo_url\":\"" + REPO + "\",\"status\":\"complete\"}]")
                .answer("DELETE", "/api/demo/audit/a-1", 200, "{\"deleted\":true}");

        assertThat(api.quota(TOKEN).value()).isEqualTo(new Quota(5, 2, "2026-04-21T13:45:12+00:00"));
        assertThat(api.history(TOKEN).value()).extracting(AuditSummary::auditId).containsExactly("a-1");
        assertThat(api.delete(TOKEN, "a-1").value()).isTrue();
        assertThat(upstream.last().method()).isEqualTo("DELETE");
    }

    @Test
    void theDailyQuota429IsQuotaExceededWithItsMessage() {
        upstream.answer("POST", "/api/demo/audit", 429, "{\"error\":\"quota exceeded: 5/5 today\"}");

        UpstreamError error = api.submit(TOKEN, REPO, true).error();

        assertThat(error.kind()).isEqualTo(QUOTA_EXCEEDED);
        assertThat(error.message()).isEqualTo("quota exceeded: 5/5 today");
    }

    @Test
    void theQuotaMessageIsRecognisedInAFrameworkDetailFieldToo() {
        upstream.answer("POST", "/api/demo/audit", 429, "{\"detail\":\"Quota exceeded: 1/1 today\"}");

        assertThat(api.submit(null, REPO, true).error().kind()).isEqualTo(QUOTA_EXCEEDED);
    }

    @Test
    void anyOther429IsARateLimitWithItsWait() {
        upstream.answer(
                "POST", "/api/demo/audit", 429, "{\"error\":\"rate limit: 10/minute\"}", Map.of("Retry-After", "6"));

        UpstreamError error = api.submit(TOKEN, REPO, true).error();

        assertThat(error.kind()).isEqualTo(RATE_LIMITED);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void theConcurrencyCap503IsBusyForTheWaitItNames() {
        upstream.answer(
                "POST",
                "/api/demo/audit",
                503,
                "{\"error\":\"too many audits in flight\"}",
                Map.of("Retry-After", "60"));

        UpstreamError error = api.submit(TOKEN, REPO, true).error();

        assertThat(error.kind()).isEqualTo(UPSTREAM_BUSY);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aBadUrlIsAnInvalidRequestAndAnotherOwnersAuditIsForbidden() {
        upstream.answer("POST", "/api/demo/audit", 400, "{\"error\":\"repo_url must be a GitHub URL\"}")
                .answer("DELETE", "/api/demo/audit/a-2", 403, "{\"error\":\"Audit belongs to a different user\"}")
                .answer("DELETE", "/api/demo/audit/a-3", 404, "{\"error\":\"Audit not found\"}");

        assertThat(api.submit(TOKEN, "ftp://nope", true).error().kind()).isEqualTo(INVALID_REQUEST);
        assertThat(api.delete(TOKEN, "a-2").error().kind()).isEqualTo(FORBIDDEN);
        assertThat(api.delete(TOKEN, "a-3").error().kind()).isEqualTo(NOT_FOUND);
    }
}
