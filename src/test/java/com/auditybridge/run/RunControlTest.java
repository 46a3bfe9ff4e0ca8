package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runs API (docs/api.md): cancel stops a run for good; retry resumes a failed run without paying twice. */
@MicronautTest(environments = "sim", transactional = false)
class RunControlTest extends BridgeTestBase {
    private static final long CREDITS = 100_000;

    @Test
    void aCancelledRunNeverCallsUpstream() {
        String lead = unconvertedLead(0);
        String runId = hook("lead-arrived", leadArrived(lead)).text("runId");
        Object callsBefore = counters().get("calls");

        Reply cancelled = control(runId, "cancel");
        for (int round = 0; round < 5; round++) {
            scheduler.runAnyDueExecutions();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(run(runId).text("status")).isEqualTo("cancelled");
        assertThat(counters().get("calls")).isEqualTo(callsBefore);
        assertThat(conversionsOf(lead)).isZero();
    }

    @Test
    void aCancelledRunTellsItsCallbackOnceWithRunFailedAndRunCancelled() {
        String runId = hook(
                        "lead-arrived",
                        "{\"leadId\":\"%s\",\"callbackUrl\":\"http://127.0.0.1:9/done\"}".formatted(unconvertedLead(2)))
                .text("runId");

        assertThat(control(runId, "cancel").status()).isEqualTo(200);
        assertProblem(control(runId, "cancel"), 409, "RUN_ALREADY_ENDED");

        assertThat(count("select count(*) from delivery where run_id = ? and final_callback", runId))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from event where run_id = ? and type = 'run.failed' and payload like ?"
                                + " and payload like ?",
                        runId,
                        "%\"status\":\"cancelled\"%",
                        "%\"code\":\"RUN_CANCELLED\"%"))
                .isEqualTo(1);
        Reply run = run(runId);
        assertThat(run.text("status")).isEqualTo("cancelled");
        assertThat(run.text("error.code")).isEqualTo("RUN_CANCELLED");
    }

    @Test
    void anEndedRunCannotBeCancelled() {
        String runId = hook("lead-arrived", leadArrived(unconvertedLead(1))).text("runId");
        driveToEnd(runId, Duration.ofSeconds(5), 50);

        assertProblem(control(runId, "cancel"), 409, "RUN_ALREADY_ENDED");
        assertThat(run(runId).text("status")).isEqualTo("completed");
    }

    @Test
    void aRunThatFailedForWantOfCreditsCompletesOnRetryAndConvertsOnce() {
        String lead = unconvertedLead(2);
        setCredits(0);
        String runId = hook("lead-arrived", leadArrived(lead)).text("runId");
        assertThat(driveToEnd(runId, Duration.ofSeconds(5), 50).text("status")).isEqualTo("failed");
        setCredits(CREDITS);

        Reply retried = control(runId, "retry");
        Reply done = driveToEnd(runId, Duration.ofSeconds(5), 50);

        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.text("status")).isIn("queued", "running");
        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(conversionsOf(lead)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRetryResumesAfterTheConversionAndNeverConvertsAgain() {
        String lead = unconvertedLead(3);
        setAnalysisBudget(0);
        String runId =
                hook("lead-arrived", "{\"leadId\":\"%s\"}".formatted(lead)).text("runId");
        Reply failed = driveToEnd(runId, Duration.ofSeconds(5), 50);
        assertThat(failed.text("status")).as(failed.body()).isEqualTo("failed");
        assertThat(failed.text("step")).isNotEqualTo("convert");
        setAnalysisBudget(1_000);

        control(runId, "retry");
        Reply done = driveToEnd(runId, Duration.ofSeconds(5), 200);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(((List<Map<String, Object>>) done.at("timeline"))
                        .stream().filter(entry -> "converted".equals(entry.get("outcome"))))
                .hasSize(1);
        assertThat(conversionsOf(lead)).isEqualTo(1);
    }

    @Test
    void onlyAFailedRunCanBeRetried() {
        String runId = hook("analysis-requested", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID))
                .text("runId");

        assertProblem(control(runId, "retry"), 409, "RUN_NOT_FAILED");
    }

    private void setAnalysisBudget(double usd) {
        Reply account = admin(
                HttpRequest.PUT("/sim/admin/audity/accounts", Map.of("token", BRIDGE_TOKEN, "analysisBudgetUsd", usd)));
        assertThat(account.status()).as(account.body()).isEqualTo(200);
    }

    private static String leadArrived(String lead) {
        return "{\"leadId\":\"%s\",\"analysis\":\"none\"}".formatted(lead);
    }
}
