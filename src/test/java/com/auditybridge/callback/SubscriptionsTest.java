package com.auditybridge.callback;

import static com.auditybridge.callback.TestReceiver.Answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim", transactional = false)
class SubscriptionsTest extends DeliveryTestBase {

    @Test
    void aSubscriptionGetsItsOwnSecretOnceAndReceivesMatchingEventsSignedWithIt() {
        Reply created = post(
                "/v1/subscriptions",
                "{\"targetUrl\":\"" + receiver.url("/zap") + "\",\"events\":[\"lead.converted\"]}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(call(HttpRequest.GET("/v1/subscriptions").bearerAuth(API_KEY))
                        .body())
                .contains(created.text("id"))
                .doesNotContain(secret);

        String matching = emitEvent("default", "lead.converted", null, false);
        String other = emitEvent("default", "audit.completed", null, false);
        scheduler.runAnyDueExecutions();

        assertThat(deliveriesOf(other)).isEmpty();
        assertThat(deliveriesOf(matching)).hasSize(1);
        TestReceiver.Received got = receiver.received.get(0);
        assertThat(SpecVerifier.verifies(
                        secret,
                        got.header("webhook-id"),
                        got.header("webhook-timestamp"),
                        got.body(),
                        got.header("webhook-signature")))
                .isTrue();
        assertThat(SpecVerifier.verifies(
                        DEMO_SECRET,
                        got.header("webhook-id"),
                        got.header("webhook-timestamp"),
                        got.body(),
                        got.header("webhook-signature")))
                .isFalse();
    }

    @Test
    void aGoneAnswerFromASubscriptionTargetRemovesTheSubscription() {
        receiver.answer(Answer.of(410));
        String id = post("/v1/subscriptions", "{\"targetUrl\":\"" + receiver.url("/zap") + "\",\"events\":[\"*\"]}")
                .text("id");
        String delivery =
                deliveriesOf(emitEvent("default", "run.failed", null, false)).get(0);

        Reply after = attemptDue(delivery);

        assertThat(after.text("status")).isEqualTo("gone");
        assertThat(call(HttpRequest.GET("/v1/subscriptions").bearerAuth(API_KEY))
                        .body())
                .doesNotContain(id);
        assertThat(deliveriesOf(emitEvent("default", "run.failed", null, false)))
                .isEmpty();
    }

    @Test
    void aDeletedSubscriptionIsGoneAndItsPendingDeliveriesAreCancelled() {
        String id = post("/v1/subscriptions", "{\"targetUrl\":\"" + receiver.url("/zap") + "\",\"events\":[\"*\"]}")
                .text("id");
        String delivery =
                deliveriesOf(emitEvent("default", "run.failed", null, false)).get(0);

        assertThat(call(HttpRequest.DELETE("/v1/subscriptions/" + id).bearerAuth(API_KEY))
                        .status())
                .isEqualTo(204);
        assertThat(call(HttpRequest.DELETE("/v1/subscriptions/" + id).bearerAuth(API_KEY))
                        .status())
                .isEqualTo(404);
        assertThat(attemptDue(delivery).text("status")).isEqualTo("cancelled");
        assertThat(receiver.received).isEmpty();
    }

    @Test
    void aListedSubscriptionShowsItsTargetItsEventsAndWhenItWasMade() {
        // Events no other test here emits, so that this subscription takes no delivery of theirs.
        String id = post(
                        "/v1/subscriptions",
                        "{\"targetUrl\":\"" + receiver.url("/listed")
                                + "\",\"events\":[\"analysis.completed\",\"project.updated\"]}")
                .text("id");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>)
                call(HttpRequest.GET("/v1/subscriptions").bearerAuth(API_KEY)).at("subscriptions");

        assertThat(listed)
                .filteredOn(s -> id.equals(s.get("id")))
                .containsExactly(Map.of(
                        "id",
                        id,
                        "targetUrl",
                        receiver.url("/listed"),
                        "events",
                        List.of("analysis.completed", "project.updated"),
                        "createdAt",
                        clock.instant().toString()));
    }

    @Test
    void aConnectionWithoutSubscriptionsListsAnEmptyList() {
        subscriptions.list("default").forEach(s -> subscriptions.remove("default", s.id()));

        Reply listed = call(HttpRequest.GET("/v1/subscriptions").bearerAuth(API_KEY));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.at("subscriptions")).isEqualTo(List.of());
    }

    @Test
    void aSubscriptionWithAnUnknownEventTypeIsRefused() {
        Reply refused = post(
                "/v1/subscriptions", "{\"targetUrl\":\"" + receiver.url("/zap") + "\",\"events\":[\"lead.exploded\"]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("errors.0.field")).isEqualTo("events");
    }

    @Test
    void aSubscriptionCanBeReadByItsIdWithoutItsSecretButNotByAnotherConnection() {
        Reply created = post(
                "/v1/subscriptions",
                "{\"targetUrl\":\"" + receiver.url("/zap") + "\",\"events\":[\"audit.completed\",\"run.failed\"]}");
        String others = transactions
                .executeWrite(
                        s -> subscriptions.create("other", receiver.url("/o"), java.util.List.of("*"), clock.instant()))
                .id();

        Reply one =
                call(HttpRequest.GET("/v1/subscriptions/" + created.text("id")).bearerAuth(API_KEY));

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("targetUrl")).isEqualTo(receiver.url("/zap"));
        assertThat(one.at("events")).isEqualTo(java.util.List.of("audit.completed", "run.failed"));
        assertThat(one.body()).doesNotContain(created.text("secret"));
        assertProblem(call(HttpRequest.GET("/v1/subscriptions/" + others).bearerAuth(API_KEY)), 404, "NOT_FOUND");
    }

    @Test
    void anotherConnectionsSubscriptionCannotBeDeleted() {
        String id = transactions
                .executeWrite(
                        s -> subscriptions.create("other", receiver.url("/o"), java.util.List.of("*"), clock.instant()))
                .id();

        assertThat(call(HttpRequest.DELETE("/v1/subscriptions/" + id).bearerAuth(API_KEY))
                        .status())
                .isEqualTo(404);
        assertThat(call(HttpRequest.GET("/v1/subscriptions").bearerAuth(API_KEY))
                        .body())
                .doesNotContain(id);
    }

    @jakarta.inject.Inject
    Subscriptions subscriptions;
}
