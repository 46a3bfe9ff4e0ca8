package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import com.auditybridge.testing.ScriptedAudityApi;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Audity's {@code analysis_generated} may arrive while the bridge is polling that very job: db-scheduler will not
 * reschedule an execution that is running, so the wake is kept on the run and the poll's own reschedule honours it.
 */
@MicronautTest(environments = "sim", transactional = false)
class WakeDuringPollTest extends BridgeTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        // The job finishes upstream 13 s after it was triggered; the bridge polls it 10 s after, then 10 s after a
        // poll.
        return Map.of(
                "test.audity-api",
                "scripted",
                "sim.audity.job-pending",
                "1s",
                "sim.audity.job-processing",
                "12s",
                "bridge.flows.poll-initial",
                "10s");
    }

    @BeforeEach
    @AfterEach
    void unscripted() {
        ScriptedAudityApi.reset();
    }

    @Test
    void anAnalysisGeneratedWakeThatArrivesDuringAPollMakesTheRunPollAgainAtOnce() {
        String projectId = projectFromConversion();
        simProject(projectId, "{\"hasAnalysis\":true,\"hasInterviewAnalysis\":true}");
        String runId = analysisRequested(projectId);
        scheduler.runAnyDueExecutions();
        assertThat(run(runId).text("step")).isEqualTo("poll");
        clock.advance(Duration.ofSeconds(10));
        // This poll reads "processing"; before the bridge has decided on it, the job finishes and Audity says so.
        AtomicReference<Reply> webhook = new AtomicReference<>();
        ScriptedAudityApi.WHILE_NEXT_JOB_POLL.set(() -> {
            clock.advance(Duration.ofSeconds(5));
            webhook.set(analysisGenerated(projectId));
        });
        scheduler.runAnyDueExecutions();
        assertThat(webhook.get().status()).as(webhook.get().body()).isEqualTo(200);
        assertThat(((Number) webhook.get().at("runsWoken")).intValue()).isEqualTo(1);
        assertThat(count("select count(*) from run_event where run_id = ? and outcome = 'processing'", runId))
                .isEqualTo(1);

        // No time passes: only the wake can bring the next poll forward from its planned 10 s.
        scheduler.runAnyDueExecutions();

        Reply done = run(runId);
        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(count("select count(*) from run where id = ? and woken_at is not null", runId))
                .isZero();
    }

    private Reply analysisGenerated(String projectId) {
        String body = """
                {"version":"1","event":"analysis_generated","timestamp":"2026-04-20T12:00:00Z","data":{"projectId":"%s"}}""".formatted(projectId);
        return call(HttpRequest.POST("/v1/hooks/audity", body)
                .bearerAuth(API_KEY)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Audity-Event", "analysis_generated")
                .header("X-Audity-Delivery", UUID.randomUUID().toString()));
    }
}
