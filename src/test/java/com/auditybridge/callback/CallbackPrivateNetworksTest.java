package com.auditybridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guard on, the default connection allowed one private network (loopback, where the test receiver listens):
 * a target there is accepted and reached; any other private address is refused at intake and at connect time, and
 * another connection has only the networks of its own.
 */
@MicronautTest(environments = "sim", transactional = false)
class CallbackPrivateNetworksTest extends DeliveryTestBase {
    static final String ADMIN_TOKEN = "admin-token-for-private-networks-01";
    /** The name {@link ConnectTimeGuardTest.RebindingLookup} answers for with {@link ConnectTimeGuardTest#ANSWER}. */
    static final String CHANGING_NAME = "rebind.example";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("bridge.allow-private-callbacks", "false");
        properties.put("bridge.callback-private-networks", "127.0.0.1/32");
        properties.put("bridge.admin-token", ADMIN_TOKEN);
        properties.put("test.dns", "rebinding");
        return properties;
    }

    @Test
    void aTargetOnTheListIsAcceptedAtIntakeAndReachedAtConnectTime() {
        Reply created = post("/v1/subscriptions", subscription(receiver.url("/hook")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        String delivery =
                deliveriesOf(emitEvent("default", "run.failed", null, false)).get(0);

        assertThat(attemptDue(delivery).text("status")).isEqualTo("delivered");
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void aPrivateAddressOffTheListIsRefusedAtIntake() {
        Reply hook = hook(
                "analysis-requested",
                "{\"projectId\":\"" + PROJECT_ID + "\",\"callbackUrl\":\"http://10.20.30.40:5678/webhook-waiting/1\"}");
        Reply subscription = post("/v1/subscriptions", subscription("http://127.0.0.2:5678/hook"));

        assertProblem(hook, 422, "CALLBACK_URL_REFUSED");
        assertThat(hook.text("detail")).contains("10.20.30.40");
        assertProblem(subscription, 422, "TARGET_URL_REFUSED");
    }

    @Test
    void aNameWhoseAnswerLeavesTheListAfterIntakeIsRefusedAtConnectTime() {
        String port = receiver.url("/").split(":")[2].replace("/", "");
        ConnectTimeGuardTest.ANSWER.set("127.0.0.1");
        assertThat(post("/v1/subscriptions", subscription("http://" + CHANGING_NAME + ":" + port + "/hook"))
                        .status())
                .isEqualTo(201);

        ConnectTimeGuardTest.ANSWER.set("10.20.30.40");
        String delivery =
                deliveriesOf(emitEvent("default", "run.failed", null, false)).get(0);
        Reply after = attemptDue(delivery);

        assertThat(receiver.received).isEmpty();
        assertThat(attempts(after))
                .singleElement()
                .satisfies(a -> assertThat((String) a.get("error")).contains("refused", "10.20.30.40"));
    }

    @Test
    void anotherConnectionReachesOnlyTheNetworksListedOnItThroughTheAdminApi() {
        Reply created = adminCall(HttpRequest.POST(
                "/v1/admin/connections",
                "{\"name\":\"n8n on the office network\",\"audityToken\":\"aky_SecondConnectionToken00000000001\"}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        String key = created.text("apiKey.key");

        Reply refused = call(HttpRequest.POST("/v1/subscriptions", subscription(receiver.url("/hook")))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(key));
        Reply invalid = adminCall(
                HttpRequest.PATCH("/v1/admin/connections/" + id, "{\"callbackPrivateNetworks\":[\"10.0.0.0/33\"]}"));
        Reply listed = adminCall(
                HttpRequest.PATCH("/v1/admin/connections/" + id, "{\"callbackPrivateNetworks\":[\"127.0.0.1\"]}"));
        Reply accepted = call(HttpRequest.POST("/v1/subscriptions", subscription(receiver.url("/hook")))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(key));

        assertProblem(refused, 422, "TARGET_URL_REFUSED");
        assertProblem(invalid, 400, "INVALID_CONNECTION");
        assertThat(problemFields(invalid)).containsExactly("callbackPrivateNetworks");
        assertThat(listed.at("callbackPrivateNetworks")).isEqualTo(List.of("127.0.0.1"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(adminCall(HttpRequest.DELETE("/v1/admin/connections/" + id)).status())
                .isEqualTo(204);
    }

    private Reply adminCall(MutableHttpRequest<?> request) {
        return call(request.bearerAuth(ADMIN_TOKEN).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private static String subscription(String targetUrl) {
        return "{\"targetUrl\":\"" + targetUrl + "\",\"events\":[\"*\"]}";
    }
}
