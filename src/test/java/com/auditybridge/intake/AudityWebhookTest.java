package com.auditybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim", transactional = false)
class AudityWebhookTest extends BridgeTestBase {
    private static final String WEBHOOK_TOKEN = "awh_DefaultConnectionWebhookToken0000000000001";

    @Override
    protected Map<String, String> extraProperties() {
        // Jobs finish upstream within 2 s while the bridge would first poll after a minute.
        return Map.of(
                "sim.audity.job-pending",
                "1s",
                "sim.audity.job-processing",
                "1s",
                "bridge.flows.poll-initial",
                "60s",
                "bridge.audity-webhook-token",
                WEBHOOK_TOKEN);
    }

    private Reply deliver(String deliveryId, String body) {
        return call(HttpRequest.POST("/v1/hooks/audity?token=" + WEBHOOK_TOKEN, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Audity-Event", "analysis_generated")
                .header("X-Audity-Delivery", deliveryId));
    }

    private static String event(String event, String data) {
        return """
                {"version":"1","event":"%s","timestamp":"2026-04-20T12:00:00Z","data":%s}""".formatted(event, data);
    }

    @Test
    void anAnalysisGeneratedEventFinishesAPollingRunBeforeItsNextPoll() {
        String projectId = audity(
                        HttpRequest.POST(
                                "/sim/audity/api/lead-generation/leads/" + unconvertedLead(0) + "/convert", ""),
                        BRIDGE_TOKEN)
                .text("data.auditId");
        clock.advance(INTERVIEW_ANALYSIS_DELAY);
        String runId = hook("analysis-requested", "{\"projectId\":\"" + projectId + "\"}")
                .text("runId");
        scheduler.runAnyDueExecutions();
        Instant triggered = clock.instant();
        clock.advance(Duration.ofSeconds(3));
        scheduler.runAnyDueExecutions();
        assertThat(run(runId).text("status")).isEqualTo("running");

        Reply answer = deliver(
                UUID.randomUUID().toString(), event("analysis_generated", "{\"projectId\":\"" + projectId + "\"}"));
        scheduler.runAnyDueExecutions();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(((Number) answer.at("runsWoken")).intValue()).isEqualTo(1);
        Reply done = run(runId);
        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(Instant.parse(done.text("finishedAt"))).isBefore(triggered.plus(Duration.ofSeconds(60)));
    }

    @Test
    void aDeliveryIdSeenBeforeIsAcknowledgedAndIgnored() {
        String deliveryId = UUID.randomUUID().toString();
        String body = event("survey_completed", "{\"projectId\":\"proj_abc\",\"surveyId\":\"srv_1\"}");

        Reply first = deliver(deliveryId, body);
        Reply second = deliver(deliveryId, body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.at("deduped")).isNull();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.at("deduped")).isEqualTo(true);
        assertThat(count("select count(*) from inbound_delivery where delivery_id = ?", deliveryId))
                .isEqualTo(1);
    }

    @Test
    void anEventNameLongerThanItsColumnIsAcknowledgedAndRecordedCut() {
        String deliveryId = UUID.randomUUID().toString();

        Reply answer = deliver(deliveryId, event("e".repeat(300), "{}"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(count(
                        "select count(*) from inbound_delivery where delivery_id = ? and event = ?",
                        deliveryId,
                        "e".repeat(60)))
                .isEqualTo(1);
    }

    @Test
    void aSurveyCompletedEventRunsTheLeadSyncAtOnce() {
        long seenBefore = count("select count(*) from lead_seen");

        deliver(UUID.randomUUID().toString(), event("survey_completed", "{\"surveyId\":\"srv_2\"}"));
        scheduler.runAnyDueExecutions();

        assertThat(count("select count(*) from lead_seen")).isGreaterThan(seenBefore);
    }

    @Test
    void aVersionOtherThanOneIsRefusedClearly() {
        Reply refused = deliver(
                UUID.randomUUID().toString(),
                "{\"version\":\"2\",\"event\":\"survey_completed\",\"timestamp\":\"2026-04-20T12:00:00Z\",\"data\":{}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("UNSUPPORTED_VERSION");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void withoutTheConnectionsKeyTheDeliveryIsRefused() {
        Reply refused = call(HttpRequest.POST("/v1/hooks/audity", event("survey_completed", "{}"))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Audity-Delivery", "d-1"));

        assertThat(refused.status()).isEqualTo(401);
    }
}
