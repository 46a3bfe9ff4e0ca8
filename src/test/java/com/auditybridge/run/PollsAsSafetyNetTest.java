package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Once a connection's Audity webhooks are seen to arrive, {@code analysis_generated} is what ends a job's wait, and
 * the job is polled only as a safety net ({@code bridge.flows.poll-safety-net}); without them, jobs are polled as
 * before. The simulator sends the webhooks over HTTP to the bridge's {@code /v1/hooks/audity?token=…}, each second of
 * simulated time.
 */
@MicronautTest(environments = "sim", transactional = false)
class PollsAsSafetyNetTest extends BridgeTestBase {
    private static final String WEBHOOK_TOKEN = "awh_SafetyNetTestToken000000000000";
    private static final Duration PROCESSING = Duration.ofSeconds(90);
    private static final int JOBS = 5;

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        // The test sends the due webhooks itself, after each tick of the clock.
        return Map.of(
                "bridge.audity-webhook-token",
                WEBHOOK_TOKEN,
                "sim.audity.webhook-check",
                "1h",
                "sim.audity.job-pending",
                "0s",
                "sim.audity.job-processing",
                PROCESSING.toSeconds() + "s");
    }

    @Test
    void withAudityWebhooksWiredEachJobIsPolledAtMostTwiceAndCallsBackWithinTwoSecondsOfCompleting() {
        bridgeAccount("\"webhookUrl\":\"http://127.0.0.1:" + server.getPort() + "/v1/hooks/audity?token="
                + WEBHOOK_TOKEN + "\"");
        // The connection's first job is polled as ever: no webhook has been seen yet. Its analysis_generated is.
        drive(List.of(analysisOfANewProject()));
        assertThat(count("select count(*) from audity_webhook_seen")).isEqualTo(1);

        List<String> runs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            runs.add(analysisOfANewProject());
        }
        drive(runs);

        for (String runId : runs) {
            assertThat(polls(runId)).as("polls of run " + runId).isBetween(1L, 2L);
            assertThat(callbackDelay(runId)).as("completion to callback").isLessThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void withoutAudityWebhooksJobsArePolledAsBefore() {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            runs.add(analysisOfANewProject());
        }
        drive(runs);

        assertThat(count("select count(*) from audity_webhook_seen")).isZero();
        for (String runId : runs) {
            // 5 s after the trigger, then a sixth of the job's age (at least 5 s): 9 or so in 90 s.
            assertThat(polls(runId)).as("polls of run " + runId).isGreaterThanOrEqualTo(6);
            assertThat(callbackDelay(runId)).isLessThan(Duration.ofSeconds(20));
        }
    }

    private String analysisOfANewProject() {
        String projectId = projectFromConversion();
        simProject(projectId, "{\"hasAnalysis\":true,\"hasInterviewAnalysis\":true}");
        Reply accepted = hook(
                "analysis-requested",
                "{\"projectId\":\"" + projectId + "\",\"callbackUrl\":\"http://127.0.0.1:" + server.getPort()
                        + "/sim/inbox\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.text("runId");
    }

    /** Seconds of simulated time: due webhooks sent, due steps and deliveries run, until every callback was made. */
    private void drive(List<String> runs) {
        for (int second = 0; second < 600; second++) {
            Reply sent = admin(HttpRequest.POST("/sim/admin/audity/webhooks/send-due", ""));
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            scheduler.runAnyDueExecutions();
            scheduler.runAnyDueExecutions();
            if (runs.stream().allMatch(runId -> delivered(runId) != null)) {
                runs.forEach(runId -> assertThat(run(runId).text("status")).isEqualTo("completed"));
                return;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("callbacks not all made in 600 s: "
                + runs.stream().map(runId -> run(runId).body()).toList());
    }

    private long polls(String runId) {
        return count("select count(*) from run_event where run_id = ? and step = 'poll'", runId);
    }

    private Duration callbackDelay(String runId) {
        String jobId = run(runId).text("result.jobId");
        Reply job = audity(HttpRequest.GET("/sim/audity/api/agent/jobs/" + jobId), BRIDGE_TOKEN);
        return Duration.between(Instant.parse(job.text("data.completedAt")), delivered(runId));
    }

    private Instant delivered(String runId) {
        return connections.executeRead(status -> {
            try (var ps = status.getConnection()
                    .prepareStatement("select delivered_at from delivery where run_id = ? and final_callback")) {
                ps.setString(1, runId);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    var at = rs.getObject(1, java.time.OffsetDateTime.class);
                    return at == null ? null : at.toInstant();
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
