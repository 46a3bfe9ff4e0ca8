package com.auditybridge.audity;

import static com.auditybridge.audity.HttpAudityApiTest.TOKEN;
import static com.auditybridge.upstream.UpstreamErrorKind.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.upstream.CannedUpstream;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented Audity error answer becomes the matching {@link UpstreamError}. */
class AudityErrorMappingTest {

    static final String TRIGGER = "/api/agent/projects/p-1/audit-analysis/async";

    record Case(
            String says, int status, String body, Map<String, String> headers, UpstreamErrorKind kind, String code) {
        @Override
        public String toString() {
            return status + " " + says + " -> " + kind;
        }
    }

    static Stream<Case> answers() {
        return Stream.of(
                new Case(
                        "PAT_MALFORMED",
                        401,
                        "{\"error\":\"Malformed token\",\"code\":\"PAT_MALFORMED\"}",
                        Map.of(),
                        TOKEN_MALFORMED,
                        "PAT_MALFORMED"),
                new Case("without a code", 401, "{\"error\":\"Unauthorized\"}", Map.of(), TOKEN_INACTIVE, null),
                new Case(
                        "without a code",
                        402,
                        "{\"error\":\"Insufficient credits\"}",
                        Map.of(),
                        INSUFFICIENT_CREDITS,
                        null),
                new Case(
                        "PAT_SCOPE_INSUFFICIENT",
                        403,
                        "{\"error\":\"Missing scope: write\",\"code\":\"PAT_SCOPE_INSUFFICIENT\"}",
                        Map.of(),
                        FORBIDDEN,
                        "PAT_SCOPE_INSUFFICIENT"),
                new Case("not found", 404, "{\"error\":\"Not found\"}", Map.of(), NOT_FOUND, null),
                new Case(
                        "too large",
                        413,
                        "{\"error\":\"Content too large to analyze\"}",
                        Map.of(),
                        PAYLOAD_TOO_LARGE,
                        null),
                new Case(
                        "PREREQUISITE_MISSING",
                        422,
                        "{\"error\":\"Document or interview analysis required but not found\",\"code\":\"PREREQUISITE_MISSING\"}",
                        Map.of(),
                        PREREQUISITE_MISSING,
                        "PREREQUISITE_MISSING"),
                new Case(
                        "PAT_DISABLED",
                        503,
                        "{\"error\":\"Agent API disabled\",\"code\":\"PAT_DISABLED\"}",
                        Map.of("Retry-After", "60"),
                        API_DISABLED,
                        "PAT_DISABLED"),
                new Case(
                        "with Retry-After",
                        503,
                        "{\"error\":\"Busy\"}",
                        Map.of("Retry-After", "60"),
                        UPSTREAM_BUSY,
                        null),
                new Case("without Retry-After", 503, "{\"error\":\"Unavailable\"}", Map.of(), SERVER_ERROR, null),
                new Case("from a proxy", 502, "<html>Bad Gateway</html>", Map.of(), SERVER_ERROR, null),
                new Case("undocumented", 409, "{\"error\":\"Conflict\"}", Map.of(), UNEXPECTED, null),
                new Case(
                        "a redirect, not followed",
                        302,
                        "",
                        Map.of("Location", "https://elsewhere.example/"),
                        UNEXPECTED,
                        null));
    }

    final CannedUpstream upstream = new CannedUpstream();
    final HttpAudityApi api = HttpAudityApiTest.apiWith(upstream.baseUrl(), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        api.close();
        upstream.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void eachDocumentedAnswerHasItsKindAndKeepsTheUpstreamCode(Case answer) {
        upstream.answer("POST", TRIGGER, answer.status(), answer.body(), answer.headers());

        UpstreamError error = triggerError();

        assertThat(error.kind()).isEqualTo(answer.kind());
        assertThat(error.status()).isEqualTo(answer.status());
        assertThat(error.code()).isEqualTo(answer.code());
        assertThat(error.requestSent()).isTrue();
    }

    @Test
    void theHumanMessageComesFromTheErrorField() {
        upstream.answer("POST", TRIGGER, 404, "{\"error\":\"Project not found\",\"details\":\"dev only\"}");

        assertThat(triggerError().message()).isEqualTo("Project not found");
    }

    @Test
    void aLongErrorPageIsCutTo500Characters() {
        upstream.answer("POST", TRIGGER, 500, "<html>" + "x".repeat(5000) + "</html>");

        assertThat(triggerError().message()).hasSize(500).startsWith("<html>");
    }

    @Test
    void aRateLimitCarriesRetryAfterInSeconds() {
        upstream.answer("POST", TRIGGER, 429, "{\"error\":\"Too many requests\"}", Map.of("Retry-After", "17"));

        UpstreamError error = triggerError();

        assertThat(error.kind()).isEqualTo(RATE_LIMITED);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void aRateLimitCarriesRetryAfterGivenAsAnHttpDateAgainstTheClock() {
        // The test clock stands at 2026-04-20T13:45:00Z.
        upstream.answer(
                "POST",
                TRIGGER,
                429,
                "{\"error\":\"Too many requests\"}",
                Map.of("Retry-After", "Mon, 20 Apr 2026 13:47:00 GMT"));

        assertThat(triggerError().retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aRateLimitWithoutRetryAfterHasNoWait() {
        upstream.answer("POST", TRIGGER, 429, "{\"error\":\"Too many requests\"}");

        UpstreamError error = triggerError();

        assertThat(error.kind()).isEqualTo(RATE_LIMITED);
        assertThat(error.retryAfter()).isNull();
    }

    @Test
    void theAsyncQuotaErrorKeepsItsCostDetails() {
        upstream.answer("POST", TRIGGER, 402, """
                {"error":"Estimated cost exceeds limit","code":"QUOTA_EXCEEDED","details":{"estimatedCostUSD":12.5,"limitUSD":10}}""");

        UpstreamError error = triggerError();

        assertThat(error.kind()).isEqualTo(QUOTA_EXCEEDED);
        assertThat(error.details()).containsEntry("estimatedCostUSD", 12.5).containsEntry("limitUSD", 10);
    }

    @Test
    void aTierErrorNamesTheCurrentAndRequiredTier() {
        upstream.answer("POST", TRIGGER, 403, """
                {"error":"Feature not available on your tier","currentTier":"solo","requiredTier":"starter",
                 "upgradeUrl":"https://app.auditynow.com/billing/upgrade"}""");

        UpstreamError error = triggerError();

        assertThat(error.kind()).isEqualTo(TIER_REQUIRED);
        assertThat(error.currentTier()).isEqualTo("solo");
        assertThat(error.requiredTier()).isEqualTo("starter");
    }

    @Test
    void a400FromConvertMeansTheLeadWasConvertedAlready() {
        upstream.answer(
                "POST", "/api/lead-generation/leads/l-1/convert", 400, "{\"error\":\"Lead already converted\"}");

        UpstreamError error = api.convertLead(TOKEN, "l-1").error();

        assertThat(error.kind()).isEqualTo(ALREADY_CONVERTED);
        assertThat(error.message()).isEqualTo("Lead already converted");
    }

    @Test
    void a400FromPatchIsAnInvalidRequestWithTheValidationCode() {
        upstream.answer(
                "PATCH",
                "/api/projects/p-1",
                400,
                "{\"error\":\"At least one field must be provided\",\"code\":\"EMPTY_PATCH\"}");

        UpstreamError error = api.patchProject(TOKEN, "p-1", new ProjectPatch(null, null, null, null, null))
                .error();

        assertThat(error.kind()).isEqualTo(INVALID_REQUEST);
        assertThat(error.code()).isEqualTo("EMPTY_PATCH");
    }

    @Test
    void aSuccessThatIsNotJsonIsUnexpected() {
        upstream.answer("GET", "/api/agent/jobs/j-1", 200, "<html>Login</html>");

        UpstreamError error = api.getJob(TOKEN, "j-1").error();

        assertThat(error.kind()).isEqualTo(UNEXPECTED);
        assertThat(error.message()).contains("<html>Login</html>");
    }

    @Test
    void aSuccessWithoutItsWrapperFieldIsUnexpected() {
        upstream.answer("GET", "/api/agent/jobs/j-1", 200, HttpAudityApiTest.JOB);

        assertThat(api.getJob(TOKEN, "j-1").error().kind()).isEqualTo(UNEXPECTED);
    }

    private UpstreamError triggerError() {
        return api.triggerAuditAnalysis(TOKEN, "p-1").error();
    }
}
