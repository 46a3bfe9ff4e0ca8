package com.auditybridge.audity;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.upstream.CannedUpstream;
import com.auditybridge.upstream.Outcome;
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

/** Requests as schemas/audity-openapi.yaml specifies them, and each endpoint's wrapper unwrapped. */
class HttpAudityApiTest {

    static final String TOKEN = "aky_0123456789abcdefghijklmnopqrstuv";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-20T13:45:00Z"), ZoneOffset.UTC);
    static final JsonMapper JSON = JsonMapper.createDefault();

    static final String PROJECT = """
            {"id":"p-1","clientName":"Acme","industry":"Manufacturing","companySize":"500-1000",
             "description":null,"currency":"EUR","status":"setup","createdAt":"2026-04-20T10:00:00Z",
             "hasAnalysis":true,"hasInterviewAnalysis":false}""";
    static final String JOB = """
            {"jobId":"j-1","projectId":"p-1","status":"pending","createdAt":"2026-04-20T10:00:00Z"}""";

    final CannedUpstream upstream = new CannedUpstream();
    final HttpAudityApi api = apiWith(upstream.baseUrl(), Duration.ofSeconds(5));

    static HttpAudityApi apiWith(String baseUrl, Duration readTimeout) {
        return new HttpAudityApi(new AudityConfig(baseUrl, null, Duration.ofSeconds(2), readTimeout), JSON, CLOCK);
    }

    @AfterEach
    void stop() {
        api.close();
        upstream.close();
    }

    @Test
    void everyRequestCarriesTheBearerTokenAndAcceptsJson() {
        upstream.answer("GET", "/api/user/tier", 200, "{\"success\":true,\"tier\":\"starter\",\"userId\":\"user_1\"}");

        assertThat(api.tier(TOKEN).value()).isEqualTo(new Tier(true, "starter", "user_1"));
        assertThat(upstream.last().header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(upstream.last().header("Accept")).isEqualTo("application/json");
    }

    @Test
    void theLeadListIsQueriedWithItsOwnVocabularyAndReadWithPaginationAndFilters() {
        upstream.answer("GET", "/api/lead-generation/leads", 200, """
                {"data":[{"id":"l-1","surveyStatus":"completed","aiReadinessScore":82.5}],
                 "pagination":{"page":1,"total":1},"filters":{"status":"active"}}""");

        LeadPage page = api.listLeads(TOKEN, LeadQuery.activeByScore(50)).value();

        assertThat(upstream.last().uri())
                .isEqualTo(
                        "/api/lead-generation/leads?status=active&sortBy=ai_readiness_score&sortOrder=desc&limit=50&page=1");
        assertThat(page.data())
                .extracting(Lead::id, Lead::aiReadinessScore)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("l-1", 82.5));
        assertThat(page.pagination()).containsEntry("total", 1);
        assertThat(page.filters()).containsEntry("status", "active");
    }

    @Test
    void aLeadIsUnwrappedFromItsLeadField() {
        upstream.answer(
                "GET",
                "/api/lead-generation/leads/l-1",
                200,
                "{\"lead\":{\"id\":\"l-1\",\"surveyStatus\":\"converted\",\"surveyResponses\":{\"q1\":\"yes\"}}}");

        Lead lead = api.getLead(TOKEN, "l-1").value();

        assertThat(lead.converted()).isTrue();
        assertThat(lead.surveyResponses()).containsEntry("q1", "yes");
    }

    @Test
    void convertSendsNoBodyAndUnwrapsSuccessData() {
        upstream.answer(
                "POST",
                "/api/lead-generation/leads/l-1/convert",
                201,
                "{\"success\":true,\"data\":{\"auditId\":\"p-9\",\"creditsUsed\":1000,\"pdfAttached\":true}}");

        Outcome<ConvertResult> outcome = api.convertLead(TOKEN, "l-1");

        assertThat(outcome).isEqualTo(Outcome.success(201, new ConvertResult("p-9", 1000, true)));
        assertThat(upstream.last().method()).isEqualTo("POST");
        assertThat(upstream.last().body()).isEmpty();
        assertThat(upstream.last().header("Content-Type")).isNull();
    }

    @Test
    void projectsAreReadBareAsAnArrayAndAsAnObject() {
        upstream.answer("GET", "/api/projects", 200, "[" + PROJECT + "]")
                .answer("GET", "/api/projects/p-1", 200, PROJECT);

        assertThat(api.listProjects(TOKEN).value()).extracting(Project::id).containsExactly("p-1");
        Project project = api.getProject(TOKEN, "p-1").value();
        assertThat(project.clientName()).isEqualTo("Acme");
        assertThat(project.prerequisitesMet()).isFalse();
    }

    @Test
    void aPatchSendsOnlyTheFieldsThatAreSetAsJson() throws IOException {
        upstream.answer("PATCH", "/api/projects/p-1", 200, PROJECT);

        Outcome<Project> outcome = api.patchProject(
                TOKEN, "p-1", new ProjectPatch(null, null, "500-1000", "Updated after intake call.", null));

        assertThat(outcome.value().id()).isEqualTo("p-1");
        assertThat(upstream.last().header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readValue(upstream.last().body(), Argument.mapOf(String.class, Object.class)))
                .isEqualTo(Map.of("companySize", "500-1000", "description", "Updated after intake call."));
    }

    @Test
    void theAsyncTriggerSendsNoBodyAndUnwrapsTheStartedJob() {
        upstream.answer("POST", "/api/agent/projects/p-1/audit-analysis/async", 202, "{\"data\":" + JOB + "}");

        Outcome<AsyncJob> outcome = api.triggerAuditAnalysis(TOKEN, "p-1");

        assertThat(outcome.isSuccess()).isTrue();
        assertThat(((Outcome.Success<AsyncJob>) outcome).status()).isEqualTo(202);
        assertThat(outcome.value().jobId()).isEqualTo("j-1");
        assertThat(upstream.last().body()).isEmpty();
    }

    @Test
    void aJobIsUnwrappedFromItsDataField() {
        upstream.answer("GET", "/api/agent/jobs/j-1", 200, """
                {"data":{"jobId":"j-1","projectId":"p-1","status":"failed","createdAt":"2026-04-20T10:00:00Z",
                 "updatedAt":"2026-04-20T10:05:00Z","startedAt":null,"completedAt":null,"analysisId":null,
                 "error":"LLM quota","errorCode":"AI_FAILED"}}""");

        AsyncJob job = api.getJob(TOKEN, "j-1").value();

        assertThat(job.finished()).isTrue();
        assertThat(job.errorCode()).isEqualTo("AI_FAILED");
        assertThat(job.updatedAt()).isEqualTo(Instant.parse("2026-04-20T10:05:00Z"));
    }

    @Test
    void theAccountEndpointsAreReadBare() {
        upstream.answer(
                        "GET",
                        "/api/user/current",
                        200,
                        "{\"success\":true,\"userId\":\"user_1\",\"userEmail\":null,\"authMethod\":\"pat\",\"authData\":{}}")
                .answer("GET", "/api/user/credits", 200, "{\"canCreateProject\":true,\"projectsRemaining\":4}");

        assertThat(api.currentUser(TOKEN).value()).isEqualTo(new CurrentUser(true, "user_1", null, "pat"));
        assertThat(api.credits(TOKEN).value().projectsRemaining()).isEqualTo(4);
    }

    @Test
    void anIdIsEncodedAsOnePathSegment() {
        upstream.answer(
                "GET",
                "/api/lead-generation/leads/a b/c",
                200,
                "{\"lead\":{\"id\":\"x\",\"surveyStatus\":\"pending\"}}");

        api.getLead(TOKEN, "a b/c");

        assertThat(upstream.last().uri()).isEqualTo("/api/lead-generation/leads/a%20b%2Fc");
    }
}
