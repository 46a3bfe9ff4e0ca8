package com.auditybridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.audity.AudityApi;
import com.auditybridge.audity.AudityConfig;
import com.auditybridge.audity.HttpAudityApi;
import com.auditybridge.audity.LeadQuery;
import com.auditybridge.audity.ProjectPatch;
import com.auditybridge.repoaudit.HttpRepoAuditApi;
import com.auditybridge.repoaudit.RepoAuditApi;
import com.auditybridge.repoaudit.RepoAuditConfig;
import com.auditybridge.upstream.CannedUpstream;
import com.auditybridge.upstream.Outcome;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clients' real requests, recorded by a local server that answers a canned answer (itself checked against the
 * contract), are requests the contract accepts: method, path, query, Authorization, Content-Type and body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRequestContractTest {
    static final String TOKEN = "aky_0123456789abcdefghijklmnopqrstuv";
    static final String CLERK = "clerk-session-token";
    static final String ID = "5b0c9f7e-3c52-4a52-9d0e-1f6f2b1d9a10";
    static final String JOB_ID = "0d7d5a8e-0f2b-4d0e-8c55-2a3c9b7f6e11";
    static final String AT = "2026-04-20T12:00:00Z";
    static final String PROJECT = "{\"id\":\"" + ID + "\",\"clientName\":\"Acme\",\"industry\":\"Retail\","
            + "\"companySize\":\"11-50\",\"status\":\"setup\",\"createdAt\":\"" + AT + "\"";
    static final String DETAIL =
            PROJECT + ",\"hasAnalysis\":true,\"hasInterviewAnalysis\":false,\"hasAuditAnalysis\":false,"
                    + "\"hasDeliverables\":false,\"documentsCount\":1,\"stakeholdersCount\":0,\"analysisProgress\":40}";
    static final String JOB = "{\"jobId\":\"" + JOB_ID + "\",\"projectId\":\"" + ID + "\",\"status\":\"pending\","
            + "\"createdAt\":\"" + AT + "\",\"updatedAt\":\"" + AT + "\"}";
    static final String AUDIT = "{\"audit_id\":\"" + JOB_ID + "\",\"repo_url\":\"https://github.com/o/r\","
            + "\"status\":\"queued\",\"created_at\":\"2026-04-20T12:00:00+00:00\"}";

    final CannedUpstream upstream = new CannedUpstream();
    final AudityApi audity = new HttpAudityApi(
            new AudityConfig(upstream.baseUrl(), null, Duration.ofSeconds(2), Duration.ofSeconds(5)),
            JsonMapper.createDefault(),
            Clock.systemUTC());
    final RepoAuditApi repoAudit = new HttpRepoAuditApi(
            new RepoAuditConfig(upstream.baseUrl(), null, Duration.ofSeconds(2), Duration.ofSeconds(5)),
            JsonMapper.createDefault(),
            Clock.systemUTC());

    record Exchange(String method, String path, int status, String answer, Map<String, String> headers) {
        Exchange(String method, String path, int status, String answer) {
            this(method, path, status, answer, Map.of());
        }

        Map<String, List<String>> answerHeaders() {
            Map<String, List<String>> all =
                    new java.util.HashMap<>(Map.of("Content-Type", List.of("application/json")));
            headers.forEach((name, value) -> all.put(name, List.of(value)));
            return all;
        }
    }

    static Stream<Arguments> audityCalls() {
        return Stream.of(
                audity(
                        "listLeads",
                        a -> a.listLeads(TOKEN, LeadQuery.activeByScore(50)),
                        new Exchange(
                                "GET",
                                "/api/lead-generation/leads",
                                200,
                                "{\"data\":[],\"pagination\":{\"page\":1},\"filters\":{}}")),
                audity(
                        "getLead",
                        a -> a.getLead(TOKEN, ID),
                        new Exchange(
                                "GET",
                                "/api/lead-generation/leads/" + ID,
                                200,
                                "{\"lead\":{\"id\":\"" + ID + "\",\"surveyStatus\":\"completed\",\"createdAt\":\"" + AT
                                        + "\",\"surveyResponses\":{}}}")),
                audity(
                        "convertLead",
                        a -> a.convertLead(TOKEN, ID),
                        new Exchange(
                                "POST",
                                "/api/lead-generation/leads/" + ID + "/convert",
                                201,
                                "{\"success\":true,\"data\":{\"auditId\":\"" + ID
                                        + "\",\"creditsUsed\":1000,\"pdfAttached\":true}}")),
                audity(
                        "listProjects",
                        a -> a.listProjects(TOKEN),
                        new Exchange("GET", "/api/projects", 200, "[" + DETAIL + "]")),
                audity(
                        "getProject",
                        a -> a.getProject(TOKEN, ID),
                        new Exchange("GET", "/api/projects/" + ID, 200, DETAIL)),
                audity(
                        "patchProject",
                        a -> a.patchProject(TOKEN, ID, new ProjectPatch("Acme", null, "11-50", "After intake", "EUR")),
                        new Exchange("PATCH", "/api/projects/" + ID, 200, PROJECT + "}")),
                audity(
                        "triggerAuditAnalysis",
                        a -> a.triggerAuditAnalysis(TOKEN, ID),
                        new Exchange(
                                "POST",
                                "/api/agent/projects/" + ID + "/audit-analysis/async",
                                202,
                                "{\"data\":" + JOB + "}")),
                audity(
                        "auditAnalysisDocument",
                        a -> a.auditAnalysisDocument(TOKEN, ID),
                        new Exchange(
                                "GET",
                                "/api/projects/" + ID + "/audit-analysis",
                                200,
                                "{\"id\":\"" + JOB_ID + "\",\"projectId\":\"" + ID + "\",\"status\":\"completed\","
                                        + "\"createdAt\":\"" + AT + "\",\"analysis\":{\"executiveSummary\":\"Start\","
                                        + "\"findings\":[],\"opportunities\":[]}}")),
                audity(
                        "deliverables",
                        a -> a.deliverables(TOKEN, ID),
                        new Exchange(
                                "GET",
                                "/api/projects/" + ID + "/deliverables",
                                200,
                                "{\"success\":true,\"data\":{\"executiveSummary\":{},\"opportunityMatrix\":{},"
                                        + "\"riskAssessment\":{},\"stakeholderMemos\":[]}}")),
                audity(
                        "getJob",
                        a -> a.getJob(TOKEN, JOB_ID),
                        new Exchange("GET", "/api/agent/jobs/" + JOB_ID, 200, "{\"data\":" + JOB + "}")),
                audity(
                        "currentUser",
                        a -> a.currentUser(TOKEN),
                        new Exchange("GET", "/api/user/current", 200, "{\"success\":true,\"userId\":\"user_1\"}")),
                audity(
                        "tier",
                        a -> a.tier(TOKEN),
                        new Exchange(
                                "GET",
                                "/api/user/tier",
                                200,
                                "{\"success\":true,\"tier\":\"growth\",\"userId\":\"user_1\"}")),
                audity(
                        "credits",
                        a -> a.credits(TOKEN),
                        new Exchange(
                                "GET",
                                "/api/user/credits",
                                200,
                                "{\"canCreateProject\":true,\"projectsRemaining\":4,\"nextReset\":\"" + AT + "\"}")));
    }

    static Stream<Arguments> repoAuditCalls() {
        return Stream.of(
                repo(
                        "submit signed in",
                        r -> r.submit(CLERK, "https://github.com/o/r", true),
                        new Exchange(
                                "POST",
                                "/api/demo/audit",
                                202,
                                "{\"audit_id\":\"" + JOB_ID + "\",\"status\":\"queued\"}")),
                repo(
                        "submit anonymously",
                        r -> r.submit(null, "https://github.com/o/r", true),
                        new Exchange(
                                "POST",
                                "/api/demo/audit",
                                202,
                                "{\"audit_id\":\"" + JOB_ID + "\",\"status\":\"queued\"}")),
                repo(
                        "status",
                        r -> r.status(JOB_ID),
                        new Exchange(
                                "GET", "/api/demo/audit/" + JOB_ID, 200, AUDIT, Map.of("Cache-Control", "no-store"))),
                repo(
                        "quota",
                        r -> r.quota(null),
                        new Exchange(
                                "GET",
                                "/api/demo/audit/quota",
                                200,
                                "{\"limit\":1,\"used\":0,\"resets_at\":\"2026-04-21T12:00:00+00:00\"}")),
                repo(
                        "history",
                        r -> r.history(CLERK),
                        new Exchange("GET", "/api/demo/audit/history", 200, "[" + AUDIT + "]")),
                repo(
                        "delete",
                        r -> r.delete(CLERK, JOB_ID),
                        new Exchange("DELETE", "/api/demo/audit/" + JOB_ID, 200, "{\"deleted\":true}")));
    }

    @ParameterizedTest(name = "the Audity client''s {0} request is per contract")
    @MethodSource("audityCalls")
    void theAudityClientSendsRequestsTheContractAccepts(
            String name, Function<AudityApi, Outcome<?>> call, Exchange exchange) {
        sendAndCheck(Contract.AUDITY, () -> call.apply(audity), exchange);
    }

    @ParameterizedTest(name = "the repo-audit client''s {0} request is per contract")
    @MethodSource("repoAuditCalls")
    void theRepoAuditClientSendsRequestsTheContractAccepts(
            String name, Function<RepoAuditApi, Outcome<?>> call, Exchange exchange) {
        sendAndCheck(Contract.REPO_AUDIT, () -> call.apply(repoAudit), exchange);
    }

    @AfterAll
    void stop() {
        ((HttpAudityApi) audity).close();
        ((HttpRepoAuditApi) repoAudit).close();
        upstream.close();
    }

    private void sendAndCheck(Contract contract, Supplier<Outcome<?>> send, Exchange exchange) {
        contract.assertResponse(
                exchange.method(), exchange.path(), exchange.status(), exchange.answerHeaders(), exchange.answer());
        upstream.answer(exchange.method(), exchange.path(), exchange.status(), exchange.answer(), exchange.headers());

        Outcome<?> outcome = send.get();

        assertThat(outcome.isSuccess()).as("%s", outcome.error()).isTrue();
        CannedUpstream.Received sent = upstream.last();
        contract.assertRequest(sent.method(), sent.uri(), sent.headers(), sent.body());
    }

    private static Arguments audity(String name, Function<AudityApi, Outcome<?>> call, Exchange exchange) {
        return Arguments.of(name, call, exchange);
    }

    private static Arguments repo(String name, Function<RepoAuditApi, Outcome<?>> call, Exchange exchange) {
        return Arguments.of(name, call, exchange);
    }
}
