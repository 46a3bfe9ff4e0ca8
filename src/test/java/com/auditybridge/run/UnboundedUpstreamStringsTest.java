package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.audity.AsyncJob;
import com.auditybridge.audity.Lead;
import com.auditybridge.audity.LeadPage;
import com.auditybridge.testing.BridgeTestBase;
import com.auditybridge.testing.ScriptedAudityApi;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Strings the upstream chooses (a job's status, its error code and message, ids) reach columns of a fixed width;
 * one longer than its column must not make the step's transition throw until the run fails with INTERNAL_ERROR.
 */
@MicronautTest(environments = "sim", transactional = false)
class UnboundedUpstreamStringsTest extends BridgeTestBase {
    private static final String LONG_CODE = "E".repeat(300);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "test.audity-api", "scripted", "sim.audity.job-pending", "1s", "sim.audity.job-processing", "30m");
    }

    @BeforeEach
    @AfterEach
    void unscripted() {
        ScriptedAudityApi.reset();
    }

    private static AsyncJob job(AsyncJob job, String status, String analysisId, String error, String errorCode) {
        return new AsyncJob(
                job.jobId(),
                job.projectId(),
                status,
                job.createdAt(),
                job.updatedAt(),
                job.startedAt(),
                job.completedAt(),
                analysisId,
                error,
                errorCode);
    }

    @Test
    void aJobStatusOf300CharactersIsKeptCutInTheTimelineAndTheRunCompletes() {
        String status = "processing-" + "s".repeat(289);
        ScriptedAudityApi.JOBS.set(j -> j.finished() ? j : job(j, status, j.analysisId(), j.error(), j.errorCode()));

        Reply done = driveToEnd(analysisRequested(projectFromConversion()), Duration.ofMinutes(1), 90);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(count(
                        "select count(*) from run_event where run_id = ? and outcome = ?",
                        done.text("runId"),
                        status.substring(0, 40)))
                .isPositive();
    }

    @Test
    void aFailedJobWithAnErrorCodeOf300CharactersFailsTheRunWithThatCodeCut() {
        ScriptedAudityApi.JOBS.set(j -> j.finished() ? job(j, "failed", null, "m".repeat(3000), LONG_CODE) : j);

        Reply failed = assertFailedWith(
                driveToEnd(analysisRequested(projectFromConversion()), Duration.ofMinutes(1), 90),
                LONG_CODE.substring(0, 60));

        assertThat(failed.text("error.message")).hasSize(2000).startsWith("mmm");
    }

    @Test
    void anAnalysisIdTooLongForItsColumnFailsTheRunSayingSoInsteadOfAnInternalError() {
        ScriptedAudityApi.JOBS.set(j -> j.finished() ? job(j, "completed", "a".repeat(100), null, null) : j);

        Reply failed = assertFailedWith(
                driveToEnd(analysisRequested(projectFromConversion()), Duration.ofMinutes(1), 90),
                "UPSTREAM_ID_TOO_LONG");

        assertThat(failed.text("error.message")).contains("analysisId").contains("100");
    }

    @Test
    void aLeadWhoseIdCannotBeStoredIsSkippedByTheSyncAndTheOthersStillArriveAndConvert() {
        String longId = "L".repeat(300);
        ScriptedAudityApi.LEADS.set(page -> {
            List<Lead> leads = new ArrayList<>();
            leads.add(new Lead(
                    longId,
                    "completed",
                    99.0,
                    99.0,
                    null,
                    clock.instant(),
                    "Ada Lovelace",
                    "ada@example.com",
                    "Engines Ltd",
                    Map.of()));
            leads.addAll(page.data());
            return new LeadPage(leads, page.pagination(), page.filters());
        });

        Reply dryRun = call(HttpRequest.POST("/v1/lead-sync?dryRun=true", "").bearerAuth(API_KEY));
        Reply started = call(HttpRequest.POST("/v1/lead-sync", "").bearerAuth(API_KEY));
        for (int round = 0; round < 5; round++) {
            scheduler.runAnyDueExecutions();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(dryRun.body()).contains("{\"leadId\":\"" + longId + "\",\"reason\":\"");
        assertThat(started.status()).isEqualTo(202);
        assertThat(
                        count(
                                "select count(*) from scheduled_tasks where task_name = 'lead-sync' and consecutive_failures > 0"))
                .as("failed syncs")
                .isZero();
        assertThat(count("select count(*) from lead_seen")).isPositive();
        assertThat(count("select count(*) from lead_seen where lead_id like 'LLLL%'"))
                .isZero();
        assertThat(count("select count(*) from run where lead_id is not null"))
                .as("conversions started")
                .isPositive();
    }
}
