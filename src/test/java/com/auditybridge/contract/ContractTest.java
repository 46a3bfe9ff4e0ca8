package com.auditybridge.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.model.SimpleRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The downgraded contracts still say no where they should, so a passing contract test means something. */
class ContractTest {
    static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    static final String JOB_PATH = "/api/agent/jobs/00000000-0000-4000-8000-000000000000";
    static final String TRIGGER_PATH = "/api/agent/projects/00000000-0000-4000-8000-000000000000/audit-analysis/async";
    static final String JOB = "\"jobId\":\"00000000-0000-4000-8000-000000000001\","
            + "\"projectId\":\"00000000-0000-4000-8000-000000000000\",\"createdAt\":\"2026-04-20T12:00:00Z\"";

    @Test
    void anErrorBodyWithoutItsRequiredMessageIsRejected() {
        assertThatThrownBy(() -> Contract.AUDITY.assertResponse("GET", JOB_PATH, 404, JSON, "{\"code\":\"X\"}"))
                .hasMessageContaining("required");
    }

    @Test
    void aStatusTheOperationDoesNotDocumentIsRejected() {
        assertThatThrownBy(() -> Contract.AUDITY.assertResponse("GET", JOB_PATH, 418, JSON, "{\"error\":\"teapot\"}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aConstIsEnforcedAfterTheDowngradeToAnEnum() {
        assertThatThrownBy(() -> Contract.AUDITY.assertResponse(
                        "POST", TRIGGER_PATH, 202, JSON, "{\"data\":{" + JOB + ",\"status\":\"processing\"}}"))
                .hasMessageContaining("enum");
    }

    @Test
    void aTypeArrayWithNullAcceptsNullAfterTheDowngrade() {
        assertThatCode(
                        () -> Contract.AUDITY.assertResponse(
                                "GET",
                                JOB_PATH,
                                200,
                                JSON,
                                "{\"data\":{" + JOB
                                        + ",\"status\":\"pending\",\"updatedAt\":\"2026-04-20T12:00:00Z\",\"startedAt\":null}}"))
                .doesNotThrowAnyException();
    }

    @Test
    void responsesMayCarryMoreFieldsThanDocumented() {
        assertThatCode(() -> Contract.AUDITY.assertResponse(
                        "GET", JOB_PATH, 404, JSON, "{\"error\":\"Job not found\",\"traceId\":\"t-1\"}"))
                .doesNotThrowAnyException();
    }

    @Test
    void aRequestWithoutBearerTokenIsRejected() {
        assertThat(Contract.AUDITY.requestProblems(
                        SimpleRequest.Builder.post(TRIGGER_PATH).build()))
                .contains("validation.request.security.missing");
    }

    @Test
    void aRequestWithoutBearerTokenIsRejectedWhereOnlyTheDocumentWideSecurityApplies() {
        assertThat(Contract.AUDITY.requestProblems(
                        SimpleRequest.Builder.get("/api/user/tier").build()))
                .contains("validation.request.security.missing");
    }

    @Test
    void aPatchWithAFieldOutsideTheAllowlistIsRejected() {
        SimpleRequest patch = SimpleRequest.Builder.patch("/api/projects/00000000-0000-4000-8000-000000000000")
                .withAuthorization("Bearer aky_TestToken00000000000000000000001")
                .withContentType("application/json")
                .withBody("{\"status\":\"complete\"}")
                .build();

        assertThat(Contract.AUDITY.requestProblems(patch)).isNotEmpty();
    }

    @Test
    void aRepoAuditStatusAnswerWithoutCacheControlIsRejected() {
        String audit = "{\"audit_id\":\"a\",\"repo_url\":\"https://github.com/o/r\",\"status\":\"queued\","
                + "\"created_at\":\"2026-04-20T12:00:00+00:00\"}";

        assertThatThrownBy(() -> Contract.REPO_AUDIT.assertResponse("GET", "/api/demo/audit/a", 200, JSON, audit))
                .hasMessageContaining("header");
    }
}
