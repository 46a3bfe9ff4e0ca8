package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paid calls whose outcome the bridge cannot know, against the simulator's hazards: a convert that works longer
 * than the read timeout before it commits (held until the test releases it), answers lost after the charge, and
 * projects that only a careful look tells apart. Charges, jobs and audits are counted by the simulator, not by
 * the bridge. The settle window is the default (3 minutes); the read timeout is short so that real waits are short.
 */
@MicronautTest(environments = "sim", transactional = false)
class PaidCallsInDoubtTest extends BridgeTestBase {
    private static final Duration SETTLE = Duration.ofMinutes(3);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("audity.read-timeout", "500ms", "repo-audit.read-timeout", "500ms");
    }

    @Test
    void aConvertThatWorksLongerThanTheReadTimeoutIsWaitedOutAndChargedOnce() {
        holds("{\"convert\":true}");
        String lead = newLead();
        String runId = leadArrived(lead, "\"analysis\":\"none\"");

        stepWithin(SETTLE.minusSeconds(10), Duration.ofSeconds(10));
        assertThat(held())
                .as("no second convert while the first may still be working")
                .hasSize(1);
        assertThat(run(runId).body()).contains("in-doubt");

        release("commit");
        Reply done = driveToEnd(runId, Duration.ofSeconds(5), 100);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(conversionsOf(lead)).isEqualTo(1);
        assertThat(done.text("result.projectId"))
                .as("the project its own conversion made")
                .isEqualTo(projectsOf(lead).get(0));
    }

    @Test
    void aConvertWhoseWorkFailedUpstreamIsSentAgainOnlyAfterTheWindowAndTwoLooks() {
        holds("{\"convert\":true}");
        String lead = newLead();
        String runId = leadArrived(lead, "\"analysis\":\"none\"");
        scheduler.runAnyDueExecutions();
        release("abort");
        holds("{}");

        stepWithin(SETTLE.minusSeconds(5), Duration.ofSeconds(5));
        assertThat(conversionsOf(lead)).isZero();
        Reply done = driveToEnd(runId, Duration.ofSeconds(5), 100);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(conversionsOf(lead)).isEqualTo(1);
        assertThat(done.body()).contains("not-seen", "send-again");
    }

    @Test
    void aLostConvertAnswerNeverAttachesAProjectAnotherRunHolds() {
        String lead = newLead();
        String runId = convertWithItsAnswerLost(lead);
        // An analysis run of the bridge takes the project a person made: the newest of the company's, and not this
        // run's.
        String othersProject = aPersonConvertsAnotherLeadOfTheSameCompany(lead);
        String analysisRun = analysisRequested(othersProject);

        Reply done = driveToEnd(runId, Duration.ofSeconds(5), 100);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(done.text("result.projectId"))
                .isEqualTo(projectsOf(lead).get(0))
                .isNotEqualTo(othersProject);
        assertThat(conversionsOf(lead)).isEqualTo(1);
        assertThat(run(analysisRun).text("input.projectId")).isEqualTo(othersProject);
    }

    @Test
    void twoNewProjectsThatCannotBeToldApartAskAHumanWithBoth() {
        String lead = newLead();
        String runId = convertWithItsAnswerLost(lead);
        String othersProject = aPersonConvertsAnotherLeadOfTheSameCompany(lead);

        Reply done = driveToEnd(runId, Duration.ofSeconds(5), 100);

        assertFailedWith(done, "CONVERSION_UNCONFIRMED");
        assertThat(done.text("error.message"))
                .contains(othersProject, projectsOf(lead).get(0));
        assertThat(conversionsOf(lead)).isEqualTo(1);
    }

    @Test
    void aLostTriggerAnswerIsNotSentAgainWhileItsJobMayBeRunning() {
        String projectId = readyProject();
        faults("{\"loseAnswer\":[\"trigger\"]}");
        String runId = analysisRequested(projectId);
        scheduler.runAnyDueExecutions();
        faults("{}");

        stepWithin(SETTLE.minusSeconds(5), Duration.ofSeconds(5));
        assertThat(jobsOf(projectId)).isEqualTo(1);
        Reply done = driveToEnd(runId, Duration.ofSeconds(5), 100);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(done.text("result.analysisId")).isNotBlank();
        assertThat(jobsOf(projectId)).as("one paid job").isEqualTo(1);
    }

    @Test
    void aLostSubmitAnswerOfAnAnonymousCallerIsSentOnceMoreAfterTheWindowAndDedupedFree() {
        String repo = "https://github.com/acme/held-" + System.nanoTime();
        faults("{\"loseAnswer\":[\"submit\"]}");
        Reply accepted = hook("repo-audit-requested", "{\"repoUrl\":\"" + repo + "\",\"publishConsent\":true}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        scheduler.runAnyDueExecutions();
        faults("{}");

        stepWithin(SETTLE.minusSeconds(5), Duration.ofSeconds(5));
        assertThat(auditsOf(repo)).isEqualTo(1);
        Reply done = driveToEnd(accepted.text("runId"), Duration.ofSeconds(5), 100);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(auditsOf(repo)).as("the second submit was answered deduped").isEqualTo(1);
    }

    /** A lead-arrived run whose convert commits upstream and loses its answer; answers the run's id. */
    private String convertWithItsAnswerLost(String lead) {
        faults("{\"loseAnswer\":[\"convert\"]}");
        String runId = leadArrived(lead, "\"analysis\":\"none\"");
        scheduler.runAnyDueExecutions();
        faults("{}");
        return runId;
    }

    /** Half a minute later a person converts, directly in Audity, another lead of the same company; answers its project. */
    private String aPersonConvertsAnotherLeadOfTheSameCompany(String lead) {
        String other = newLeadOf(companyOf(lead));
        clock.advance(Duration.ofSeconds(30));
        return convertDirectly(other);
    }

    /** Runs due steps, moving the clock by {@code tick}, for {@code span} of simulated time. */
    private void stepWithin(Duration span, Duration tick) {
        for (Duration passed = Duration.ZERO; passed.compareTo(span) < 0; passed = passed.plus(tick)) {
            scheduler.runAnyDueExecutions();
            clock.advance(tick);
        }
    }

    private String readyProject() {
        String projectId = projectFromConversion();
        simProject(projectId, "{\"hasAnalysis\":true,\"hasInterviewAnalysis\":true}");
        return projectId;
    }

    private String newLeadOf(String company) {
        return admin(HttpRequest.POST("/sim/admin/audity/leads", Map.of("token", BRIDGE_TOKEN, "companyName", company)))
                .text("id");
    }

    private String convertDirectly(String lead) {
        return audity(HttpRequest.POST("/sim/audity/api/lead-generation/leads/" + lead + "/convert", ""), BRIDGE_TOKEN)
                .text("data.auditId");
    }

    private void holds(String json) {
        Reply reply = admin(HttpRequest.PUT("/sim/admin/holds", json).contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> held() {
        return (List<Map<String, Object>>)
                admin(HttpRequest.GET("/sim/admin/holds")).at("held");
    }

    private void release(String outcome) {
        Reply reply = admin(HttpRequest.POST("/sim/admin/holds/release-all", Map.of("outcome", outcome)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private List<String> projectsOf(String lead) {
        return ((Map<String, List<String>>) counters().get("projectsByLead")).getOrDefault(lead, List.of());
    }

    @SuppressWarnings("unchecked")
    private long jobsOf(String projectId) {
        Number jobs = ((Map<String, Number>) counters().get("jobs")).get(projectId);
        return jobs == null ? 0 : jobs.longValue();
    }

    @SuppressWarnings("unchecked")
    private long auditsOf(String repo) {
        Number audits = ((Map<String, Number>) counters().get("audits")).get(repo);
        return audits == null ? 0 : audits.longValue();
    }
}
