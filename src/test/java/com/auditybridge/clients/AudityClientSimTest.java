package com.auditybridge.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.audity.AsyncJob;
import com.auditybridge.audity.ConvertResult;
import com.auditybridge.audity.LeadPage;
import com.auditybridge.audity.LeadQuery;
import com.auditybridge.audity.Project;
import com.auditybridge.audity.ProjectPatch;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every Audity client method's success against the simulator, with its wrapper unwrapped. */
@MicronautTest(environments = "sim")
class AudityClientSimTest extends ClientSimTestBase {

    @Test
    void accountCallsAnswerIdentityTierAndCredits() {
        assertThat(audity.currentUser(TOKEN).value().userId()).startsWith("user_");
        assertThat(audity.tier(TOKEN).value().tier()).isEqualTo("growth");
        assertThat(audity.credits(TOKEN).value().balance()).isEqualTo(10_000L);
    }

    @Test
    void leadsAreListedByScoreAndReadWithTheirSurveyResponses() {
        LeadPage page = audity.listLeads(TOKEN, LeadQuery.activeByScore(50)).value();

        assertThat(page.data())
                .isNotEmpty()
                .extracting(l -> l.aiReadinessScore())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(page.pagination()).containsEntry("limit", 50);
        assertThat(audity.getLead(TOKEN, page.data().get(0).id()).value().surveyResponses())
                .isNotEmpty();
    }

    @Test
    void convertingALeadAnswersTheNewProjectAndItsCost() {
        ConvertResult result = audity.convertLead(TOKEN, unconvertedLead()).value();

        assertThat(result.creditsUsed()).isEqualTo(1000);
        assertThat(audity.getProject(TOKEN, result.auditId()).value().prerequisitesMet())
                .isFalse();
        clock.advance(INTERVIEW_ANALYSIS_DELAY);
        assertThat(audity.getProject(TOKEN, result.auditId()).value().prerequisitesMet())
                .isTrue();
        assertThat(audity.listProjects(TOKEN).value()).extracting(Project::id).containsExactly(result.auditId());
    }

    @Test
    void patchingAProjectAnswersTheUpdatedProject() {
        String id = convertedProjectId();

        Project patched = audity.patchProject(TOKEN, id, new ProjectPatch(null, "Retail", null, "After intake", "EUR"))
                .value();

        assertThat(patched)
                .extracting(Project::industry, Project::description, Project::currency)
                .containsExactly("Retail", "After intake", "EUR");
    }

    @Test
    void anAsyncAuditIsStartedPendingAndPolledToCompletion() {
        AsyncJob started =
                audity.triggerAuditAnalysis(TOKEN, analysedProjectId()).value();
        clock.advance(Duration.ofSeconds(11));

        AsyncJob done = audity.getJob(TOKEN, started.jobId()).value();

        assertThat(started.status()).isEqualTo("pending");
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.analysisId()).isNotNull();
    }
}
