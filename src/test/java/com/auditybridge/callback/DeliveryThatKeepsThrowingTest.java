package com.auditybridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A delivery whose attempt throws inside the bridge (here: a secret sealed under another key) stops and shows as dead. */
@MicronautTest(environments = "sim", transactional = false)
class DeliveryThatKeepsThrowingTest extends DeliveryTestBase {

    @Test
    void aDeliveryWhoseAttemptKeepsThrowingEndsDeadWithItsCauseAndCanBeRedelivered() {
        String subscription = post(
                        "/v1/subscriptions", "{\"targetUrl\":\"" + receiver.url("/zap") + "\",\"events\":[\"*\"]}")
                .text("id");
        byte[] sealedElsewhere = new byte[48];
        new SecureRandom().nextBytes(sealedElsewhere);
        execute(
                "update subscription set secret = ? where id = ?",
                "sb1:" + Base64.getEncoder().encodeToString(sealedElsewhere),
                subscription);
        String delivery =
                deliveriesOf(emitEvent("default", "run.failed", null, false)).get(0);

        for (int round = 0; round < DeliveryTask.MAX_CONSECUTIVE_FAILURES + 2; round++) {
            scheduler.runAnyDueExecutions();
            clock.advance(Duration.ofHours(2));
        }

        Reply dead = delivery(delivery);
        assertThat(dead.text("status")).as(dead.body()).isEqualTo("dead");
        assertThat(dead.text("lastError")).contains("BRIDGE_ENCRYPTION_KEY").contains("10 times in a row");
        assertThat(dead.at("nextAttemptAt")).isNull();
        assertThat(receiver.received).isEmpty();
        assertThat(count(
                        "select count(*) from scheduled_tasks where task_name = 'delivery' and task_instance = ?",
                        delivery))
                .isZero();
        assertThat(call(HttpRequest.GET("/v1/deliveries?status=dead").bearerAuth(API_KEY))
                        .body())
                .contains(delivery);

        Reply redelivered = post("/v1/deliveries/" + delivery + "/redeliver", "");

        assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(200);
        assertThat(redelivered.text("status")).isEqualTo("pending");
        assertThat(count(
                        "select count(*) from scheduled_tasks where task_name = 'delivery' and task_instance = ?",
                        delivery))
                .isEqualTo(1);
    }
}
