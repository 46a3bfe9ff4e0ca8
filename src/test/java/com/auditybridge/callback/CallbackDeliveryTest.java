package com.auditybridge.callback;

import static com.auditybridge.callback.TestReceiver.Answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim", transactional = false)
class CallbackDeliveryTest extends DeliveryTestBase {

    @Test
    void aCallbackIsPostedOnceSignedWithItsQueryStringKeptAndRecordedAsDelivered() {
        String id = emit(receiver.url("/resume/abc?signature=x%2Fy&n=1"), true);

        Reply after = attemptDue(id);

        assertThat(after.text("status")).isEqualTo("delivered");
        assertThat(receiver.received).hasSize(1);
        TestReceiver.Received got = receiver.received.get(0);
        assertThat(got.rawQuery()).isEqualTo("signature=x%2Fy&n=1");
        assertThat(got.header("webhook-id")).isEqualTo(id);
        assertThat(got.header("webhook-timestamp"))
                .isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(SpecVerifier.verifies(
                        DEMO_SECRET,
                        got.header("webhook-id"),
                        got.header("webhook-timestamp"),
                        got.body(),
                        got.header("webhook-signature")))
                .isTrue();
        assertThat(attempts(after))
                .singleElement()
                .satisfies(a -> assertThat(a.get("status")).isEqualTo(204));
    }

    @Test
    void aTargetThatFailsTwiceIsDeliveredOnTheThirdAttemptWithTheSameWebhookId() {
        receiver.answer(Answer.of(500), Answer.of(502));
        String id = emit(receiver.url("/hook"), true);

        Reply first = attemptDue(id);
        Instant firstAt = clock.instant();
        assertThat(first.text("status")).isEqualTo("pending");
        assertThat(Duration.between(firstAt, Instant.parse(first.text("nextAttemptAt"))))
                .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
        attemptDue(id);
        Reply third = attemptDue(id);

        assertThat(third.text("status")).isEqualTo("delivered");
        assertThat(attempts(third)).extracting(a -> a.get("status")).containsExactly(500, 502, 204);
        assertThat(receiver.received).extracting(r -> r.header("webhook-id")).containsOnly(id);
    }

    @Test
    void aTooManyRequestsAnswerIsRetriedAfterTheTimeTheTargetAskedFor() {
        receiver.answer(Answer.with(429, "Retry-After", "120"));
        String id = emit(receiver.url("/hook"), true);

        Reply first = attemptDue(id);

        assertThat(Instant.parse(first.text("nextAttemptAt")))
                .isEqualTo(clock.instant().plusSeconds(120));
        clock.advance(Duration.ofSeconds(119));
        scheduler.runAnyDueExecutions();
        assertThat(receiver.received).hasSize(1);
        assertThat(attemptDue(id).text("status")).isEqualTo("delivered");
    }

    @Test
    void aNotFoundFromAFinalCallbackIsDeadAtOnce() {
        receiver.answer(Answer.of(404));
        String id = emit(receiver.url("/n8n/resume/1"), true);

        Reply after = attemptDue(id);

        assertThat(after.text("status")).isEqualTo("dead");
        assertThat(after.at("nextAttemptAt")).isNull();
        assertThat(call(io.micronaut.http.HttpRequest.GET("/v1/deliveries?status=dead")
                                .bearerAuth(API_KEY))
                        .body())
                .contains(id);
    }

    @Test
    void aConflictFromAFinalCallbackIsTriedOnceMoreThenDead() {
        // n8n 2.x: 409 while the execution still runs before it waits, and 409 once it has finished.
        receiver.answer(Answer.of(409), Answer.of(409));
        String id = emit(receiver.url("/webhook-waiting/7?signature=s"), true);

        Reply first = attemptDue(id);
        assertThat(first.text("status")).isEqualTo("pending");
        assertThat(Duration.between(clock.instant(), Instant.parse(first.text("nextAttemptAt"))))
                .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
        Reply second = attemptDue(id);

        assertThat(second.text("status")).isEqualTo("dead");
        assertThat(second.at("nextAttemptAt")).isNull();
        assertThat(attempts(second)).extracting(a -> a.get("status")).containsExactly(409, 409);
    }

    @Test
    void aConflictFromAFinalCallbackThatWaitsByItsSecondAttemptIsDelivered() {
        receiver.answer(Answer.of(409));
        String id = emit(receiver.url("/webhook-waiting/8?signature=s"), true);

        attemptDue(id);
        Reply second = attemptDue(id);

        assertThat(second.text("status")).isEqualTo("delivered");
        assertThat(attempts(second)).extracting(a -> a.get("status")).containsExactly(409, 204);
    }

    @Test
    void aConflictFromACallbackThatIsNotTheFinalOneTakesTheLadder() {
        receiver.answer(Answer.of(409), Answer.of(409));
        String id = emit(receiver.url("/notify"), false);

        attemptDue(id);
        Reply second = attemptDue(id);

        assertThat(second.text("status")).isEqualTo("pending");
        assertThat(attempts(second)).extracting(a -> a.get("status")).containsExactly(409, 409);
    }

    @Test
    void aTargetThatHangsPastTheTimeoutIsAFailedAttempt() {
        receiver.answer(Answer.hanging());
        String id = emit(receiver.url("/slow"), true);

        Reply after = attemptDue(id);

        assertThat(after.text("status")).isEqualTo("pending");
        assertThat(attempts(after)).singleElement().satisfies(a -> {
            assertThat(a.get("status")).isNull();
            assertThat((String) a.get("error")).containsIgnoringCase("timeout");
        });
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailure() {
        receiver.answer(Answer.with(302, "Location", receiver.url("/elsewhere")));
        String id = emit(receiver.url("/moved"), true);

        Reply after = attemptDue(id);

        assertThat(after.text("status")).isEqualTo("pending");
        assertThat(receiver.received).hasSize(1);
        assertThat(attempts(after))
                .singleElement()
                .satisfies(a -> assertThat(a.get("status")).isEqualTo(302));
    }

    @Test
    void aDeliveryThatExhaustsTheLadderIsDeadThenRedeliveredWithTheSameWebhookId() {
        for (int i = 0; i < 8; i++) {
            receiver.answer(Answer.of(500));
        }
        String id = emit(receiver.url("/down"), false);
        Reply last = null;
        for (int i = 0; i < 8; i++) {
            last = attemptDue(id);
        }
        assertThat(last.text("status")).isEqualTo("dead");
        assertThat(attempts(last)).hasSize(8);

        Reply redelivered = post("/v1/deliveries/" + id + "/redeliver", "");
        assertThat(redelivered.text("status")).isEqualTo("pending");
        Reply after = attemptDue(id);

        assertThat(after.text("status")).isEqualTo("delivered");
        assertThat(attempts(after)).hasSize(9);
        assertThat(receiver.received).extracting(r -> r.header("webhook-id")).containsOnly(id);
    }

    @Test
    void deadDeliveriesSinceATimeAreRedeliveredInBulk() {
        receiver.answer(Answer.of(404), Answer.of(404));
        String a = emit(receiver.url("/a"), true);
        String b = emit(receiver.url("/b"), true);
        attemptDue(a);
        attemptDue(b);

        Reply bulk = post(
                "/v1/deliveries/redeliver",
                "{\"status\":\"dead\",\"since\":\"" + clock.instant().minusSeconds(60) + "\"}");
        scheduler.runAnyDueExecutions();

        assertThat(bulk.body()).contains(a, b);
        assertThat(delivery(a).text("status")).isEqualTo("delivered");
        assertThat(delivery(b).text("status")).isEqualTo("delivered");
    }

    @Test
    void anotherConnectionsDeliveryIsNotFound() {
        String other = deliveriesOf(emitEvent("other", "audit.completed", receiver.url("/x"), true))
                .get(0);

        assertThat(delivery(other).status()).isEqualTo(404);
        assertThat(post("/v1/deliveries/" + other + "/redeliver", "").status()).isEqualTo(404);
    }
}
