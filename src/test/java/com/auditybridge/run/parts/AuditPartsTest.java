package com.auditybridge.run.parts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run asks for the parts of its finished audit with {@code include}: its result, its one final callback and its
 * {@code resultUrl} carry them exactly as Audity answered them; a read that fails leaves the part missing, says why,
 * and a refresh reads it again without calling back a second time.
 */
@MicronautTest(environments = "sim", transactional = false)
class AuditPartsTest extends AuditPartsTestBase {

    @Test
    void aLeadToAuditRunAskingForBothPartsCarriesThemAsAudityAnsweredThem() {
        String lead = newLead();
        Reply accepted = hook("lead-arrived", """
                {"leadId":"%s","callbackUrl":"%s",%s}""".formatted(lead, inbox(), BOTH));
        String runId = accepted.text("runId");

        Reply run = completed(runId);

        String project = run.text("result.projectId");
        String analysis = simAnalysis(project);
        String deliverables = simDeliverables(project);
        assertThat(run.objectAt("result.analysis")).isEqualTo(parse(analysis));
        assertThat(run.text("result.analysis.id")).isEqualTo(run.text("result.analysisId"));
        assertThat(run.text("result.deliverables.executiveSummary.overview")).contains(companyOf(lead));
        assertThat(run.at("result.parts")).isEqualTo(List.of("analysis", "deliverables"));
        assertThat(run.at("result.missing")).isNull();
        assertThat(run.text("result.resultUrl")).isEqualTo("/v1/runs/" + runId + "/result");
        Reply callback = theCallbackOf(runId);
        assertThat(callback.text("type")).isEqualTo("audit.completed");
        assertThat(callback.body()).contains("\"analysis\":" + analysis).contains("\"deliverables\":" + deliverables);
        assertThat(callback.at("data.omitted")).isNull();
        assertThat(callback.text("data.resultUrl")).isEqualTo("/v1/runs/" + runId + "/result");
        assertThat(callsOf(ANALYSIS_ROUTE)).containsEntry("200", 2);
        assertThat(callsOf(DELIVERABLES_ROUTE)).containsEntry("200", 2);
    }

    @Test
    void aRunThatAsksForNoPartReadsNoneAndCarriesNone() {
        String runId = analysisRequested(readyProject(), "");

        Reply run = completed(runId);

        assertThat(run.objectAt("result")).doesNotContainKeys("analysis", "deliverables", "parts", "resultUrl");
        assertThat(theCallbackOf(runId).objectAt("data"))
                .doesNotContainKeys("analysis", "deliverables", "missing", "omitted", "resultUrl");
        assertThat(callsOf(ANALYSIS_ROUTE)).isEmpty();
        assertThat(callsOf(DELIVERABLES_ROUTE)).isEmpty();
    }

    @Test
    void aRunThatAsksOnlyForTheAnalysisCarriesItAlone() {
        String project = readyProject();
        String runId = analysisRequested(project, "\"include\":[\"analysis\"]");

        Reply run = completed(runId);

        assertThat(run.at("result.parts")).isEqualTo(List.of("analysis"));
        assertThat(run.objectAt("result")).doesNotContainKey("deliverables");
        Reply callback = theCallbackOf(runId);
        assertThat(callback.text("type")).isEqualTo("analysis.completed");
        assertThat(callback.body()).contains("\"analysis\":" + simAnalysis(project));
        assertThat(callback.objectAt("data")).doesNotContainKeys("deliverables", "omitted", "missing");
        assertThat(callsOf(DELIVERABLES_ROUTE)).isEmpty();
    }

    @Test
    void theResultLinkServesEachPartByteForByteAndListsShowOnlyWhichPartsExist() {
        String project = readyProject();
        String runId = analysisRequested(project, BOTH);
        completed(runId);

        Reply result = result("/v1/runs/" + runId + "/result");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("Content-Type")).startsWith("application/json");
        assertThat(result.body())
                .contains("\"analysis\":" + simAnalysis(project))
                .contains("\"deliverables\":" + simDeliverables(project));
        assertThat(result.text("projectId")).isEqualTo(project);
        Reply listed = call(HttpRequest.GET("/v1/runs?limit=1").bearerAuth(API_KEY));
        assertThat(listed.text("runs.0.runId")).isEqualTo(runId);
        assertThat(listed.objectAt("runs.0.result"))
                .containsEntry("parts", List.of("analysis", "deliverables"))
                .doesNotContainKeys("analysis", "deliverables");
    }

    @Test
    void aReadThatFailsLeavesThePartMissingAndARefreshReadsItWithoutASecondCallback() {
        faults("{\"failReads\":[\"audit-analysis\",\"deliverables\"]}");
        String project = readyProject();
        String runId = analysisRequested(project, BOTH);

        Reply run = completed(runId);

        List<Map<String, Object>> missing = List.of(
                Map.of("part", "analysis", "code", "UPSTREAM_UNAVAILABLE", "message", "Internal server error"),
                Map.of("part", "deliverables", "code", "UPSTREAM_UNAVAILABLE", "message", "Internal server error"));
        assertThat(run.at("result.missing")).isEqualTo(missing);
        assertThat(run.at("result.parts")).isEqualTo(List.of());
        Reply callback = theCallbackOf(runId);
        assertThat(callback.at("data.missing")).isEqualTo(missing);
        assertThat(callback.objectAt("data")).doesNotContainKeys("analysis", "deliverables");
        assertThat(callsOf(ANALYSIS_ROUTE)).containsEntry("500", 1);

        faults("{}");
        Reply refresh = call(
                HttpRequest.POST("/v1/runs/" + runId + "/result/refresh", "").bearerAuth(API_KEY));

        assertThat(refresh.status()).as(refresh.body()).isEqualTo(202);
        assertThat(refresh.at("refreshing")).isEqualTo(List.of("analysis", "deliverables"));
        assertThat(run(runId).at("result.refreshing")).isEqualTo(List.of("analysis", "deliverables"));
        Reply refreshed = refreshed(runId);
        assertThat(refreshed.text("status")).isEqualTo("completed");
        assertThat(refreshed.at("result.parts")).isEqualTo(List.of("analysis", "deliverables"));
        assertThat(refreshed.objectAt("result")).doesNotContainKeys("missing", "refreshing");
        assertThat(result(refreshed.text("result.resultUrl")).body())
                .contains("\"analysis\":" + simAnalysis(project))
                .contains("\"deliverables\":" + simDeliverables(project));
        assertThat(callbacksOf(runId)).hasSize(1);
        assertThat(rows.deliveries(runId)).hasSize(1);
    }

    @Test
    void aRefreshOfARunNotCompletedOrThatAskedForNoPartIsRefused() {
        String running = analysisRequested(readyProject(), BOTH);
        assertProblem(
                call(HttpRequest.POST("/v1/runs/" + running + "/result/refresh", "")
                        .bearerAuth(API_KEY)),
                409,
                "RUN_NOT_COMPLETED");

        String without = analysisRequested(readyProject(), "");
        completed(without);
        assertProblem(
                call(HttpRequest.POST("/v1/runs/" + without + "/result/refresh", "")
                        .bearerAuth(API_KEY)),
                409,
                "NO_PARTS_REQUESTED");
        assertProblem(
                call(HttpRequest.POST("/v1/runs/" + PROJECT_ID + "/result/refresh", "")
                        .bearerAuth(API_KEY)),
                404,
                "NOT_FOUND");
    }

    @Test
    void anIncludeThatNamesAnUnknownPartOrAPartTwiceIsRefusedAndStoresNothing() {
        Reply unknown = storingNothing(() -> hook(
                "analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\",\"include\":[\"analysis\",\"summary\"]}"));
        assertProblem(unknown, 400, "INVALID_FIELD");
        assertThat(problemFields(unknown)).containsExactly("include");

        Reply twice = storingNothing(
                () -> hook("lead-arrived", "{\"leadId\":\"lead-1\",\"include\":[\"deliverables\",\"deliverables\"]}"));
        assertProblem(twice, 400, "INVALID_FIELD");
        assertThat(problemFields(twice)).containsExactly("include");

        Reply withoutAnalysis = storingNothing(
                () -> hook("lead-arrived", "{\"leadId\":\"lead-1\",\"analysis\":\"none\",\"include\":[\"analysis\"]}"));
        assertProblem(withoutAnalysis, 400, "INVALID_FIELD");
        assertThat(problemFields(withoutAnalysis)).containsExactly("include");
    }
}
