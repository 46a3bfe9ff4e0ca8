package com.auditybridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The whole service with the guard on: a subscription accepted for a public answer never reaches a private one. */
@MicronautTest(environments = "sim", transactional = false)
class ConnectTimeGuardTest extends DeliveryTestBase {
    static final AtomicReference<String> ANSWER = new AtomicReference<>("93.184.216.34");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("bridge.allow-private-callbacks", "false");
        properties.put("test.dns", "rebinding");
        return properties;
    }

    @Singleton
    @Replaces(HostLookup.class)
    @Requires(property = "test.dns", value = "rebinding")
    static class RebindingLookup implements HostLookup {
        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return List.of(InetAddress.getByName(host.equals("rebind.example") ? ANSWER.get() : host));
        }
    }

    @Test
    void aTargetWhoseDnsAnswerTurnsPrivateAfterIntakeIsRefusedAtConnectTime() {
        String port = receiver.url("/").split(":")[2].replace("/", "");
        ANSWER.set("93.184.216.34");
        Reply created = post(
                "/v1/subscriptions", "{\"targetUrl\":\"http://rebind.example:" + port + "/hook\",\"events\":[\"*\"]}");
        assertThat(created.status()).isEqualTo(201);

        ANSWER.set("127.0.0.1");
        String delivery =
                deliveriesOf(emitEvent("default", "run.failed", null, false)).get(0);
        Reply after = attemptDue(delivery);

        assertThat(receiver.received).isEmpty();
        assertThat(attempts(after))
                .singleElement()
                .satisfies(a -> assertThat((String) a.get("error")).contains("refused"));
    }

    @Test
    void aLoopbackTargetIsRefusedAtIntake() {
        Reply refused =
                post("/v1/subscriptions", "{\"targetUrl\":\"" + receiver.url("/hook") + "\",\"events\":[\"*\"]}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("TARGET_URL_REFUSED");
    }
}
