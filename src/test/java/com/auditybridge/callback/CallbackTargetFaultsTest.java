package com.auditybridge.callback;

import static com.auditybridge.callback.TestReceiver.Answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Callback targets that are down, slow, gone or not found: the contract's outcomes (callback/RetryLadder), on simulated time. */
@MicronautTest(environments = "sim", transactional = false)
class CallbackTargetFaultsTest extends DeliveryTestBase {

    @Test
    void aReceiverDownForAnHourGetsEveryCallbackOnceItIsBackEachUnderItsOwnWebhookId() {
        int port = receiver.port();
        receiver.close();
        List<String> ids = IntStream.range(0, 3)
                .mapToObj(i -> emit("http://127.0.0.1:" + port + "/hook/" + i, true))
                .toList();
        Instant down = clock.instant();

        advanceInSteps(Duration.ofMinutes(1), Duration.ofHours(1));

        assertThat(ids).allSatisfy(id -> {
            Reply delivery = delivery(id);
            assertThat(delivery.text("status")).isEqualTo("pending");
            // Attempts at about 0 s, 5 s, 5 min and 35 min; the next rung (2 h) lies beyond the hour.
            assertThat(attempts(delivery))
                    .hasSize(4)
                    .allSatisfy(a -> assertThat(a.get("status")).isNull());
            assertThat(Instant.parse(delivery.text("nextAttemptAt"))).isAfter(down.plus(Duration.ofHours(1)));
        });

        receiver = new TestReceiver(port);
        advanceInSteps(Duration.ofMinutes(5), Duration.ofHours(3));

        assertThat(ids).allSatisfy(id -> {
            Reply delivery = delivery(id);
            assertThat(delivery.text("status")).isEqualTo("delivered");
            assertThat(attempts(delivery))
                    .hasSize(5)
                    .last()
                    .satisfies(a -> assertThat(a.get("status")).isEqualTo(204));
        });
        assertThat(receiver.received).extracting(r -> r.header("webhook-id")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(deadList()).doesNotContain(ids);
    }

    @Test
    void aSlowReceiverThatAnswersWithinTheTimeoutIsDeliveredOnTheFirstAttempt() {
        receiver.answer(Answer.slow(300));
        String id = emit(receiver.url("/slow"), true);

        Reply after = attemptDue(id);

        assertThat(after.text("status")).isEqualTo("delivered");
        assertThat(attempts(after))
                .singleElement()
                .satisfies(a -> assertThat(a.get("status")).isEqualTo(204));
    }

    @Test
    void aReceiverSlowerThanTheTimeoutIsTriedAgainAndDeliveredUnderTheSameWebhookId() {
        receiver.answer(Answer.slow(2_000));
        String id = emit(receiver.url("/slow"), true);

        Reply first = attemptDue(id);
        assertThat(first.text("status")).isEqualTo("pending");
        assertThat((String) attempts(first).get(0).get("error")).containsIgnoringCase("timeout");
        Reply second = attemptDue(id);

        assertThat(second.text("status")).isEqualTo("delivered");
        assertThat(receiver.received).extracting(r -> r.header("webhook-id")).containsExactly(id, id);
    }

    @Test
    void aGoneAnswerFromAFinalCallbackTargetIsRetriedLikeAnyFailure() {
        receiver.answer(Answer.of(410));
        String id = emit(receiver.url("/callback"), true);

        assertThat(attemptDue(id).text("status")).isEqualTo("pending");
        assertThat(attemptDue(id).text("status")).isEqualTo("delivered");
    }

    @Test
    void aSubscriptionThatAnswersGoneIsRemovedWhileTheFinalCallbackOfTheSameEventIsDelivered() {
        try (TestReceiver zapier = new TestReceiver().answer(Answer.of(410))) {
            String subscription = post(
                            "/v1/subscriptions", "{\"targetUrl\":\"" + zapier.url("/zap") + "\",\"events\":[\"*\"]}")
                    .text("id");
            List<String> deliveries =
                    deliveriesOf(emitEvent("default", "audit.completed", receiver.url("/callback"), true));

            advanceInSteps(Duration.ofSeconds(5), Duration.ofSeconds(10));

            assertThat(delivery(deliveries.get(0)).text("status")).isEqualTo("delivered");
            assertThat(delivery(deliveries.get(1)).text("status")).isEqualTo("gone");
            assertThat(zapier.received).hasSize(1);
            assertThat(call(HttpRequest.GET("/v1/subscriptions").bearerAuth(API_KEY))
                            .body())
                    .doesNotContain(subscription);
        }
    }

    @Test
    void aNotFoundResumeUrlIsDeadAtOnceListedAsDeadAndDeliveredWhenRedelivered() {
        receiver.answer(Answer.of(404));
        String id = emit(receiver.url("/webhook-waiting/123"), true);

        assertThat(attemptDue(id).text("status")).isEqualTo("dead");
        assertThat(deadList()).contains(id);

        assertThat(post("/v1/deliveries/" + id + "/redeliver", "").text("status"))
                .isEqualTo("pending");
        Reply after = attemptDue(id);

        assertThat(after.text("status")).isEqualTo("delivered");
        assertThat(attempts(after)).extracting(a -> a.get("status")).containsExactly(404, 204);
        assertThat(deadList()).doesNotContain(id);
        assertThat(receiver.received).extracting(r -> r.header("webhook-id")).containsExactly(id, id);
    }

    @Test
    void anEmptyDeadLetterListStillHasAnEmptyListOfDeliveries() {
        String since = clock.instant().plus(Duration.ofDays(1)).toString();

        assertThat(call(HttpRequest.GET("/v1/deliveries?status=dead&since=" + since)
                                .bearerAuth(API_KEY))
                        .body())
                .isEqualTo("{\"deliveries\":[]}");
    }

    private String deadList() {
        return call(HttpRequest.GET("/v1/deliveries?status=dead").bearerAuth(API_KEY))
                .body();
    }

    /** Runs what is due, then moves the clock one step, until {@code total} has passed. */
    private void advanceInSteps(Duration step, Duration total) {
        Instant end = clock.instant().plus(total);
        while (!clock.instant().isAfter(end)) {
            scheduler.runAnyDueExecutions();
            clock.advance(step);
        }
        scheduler.runAnyDueExecutions();
    }
}
