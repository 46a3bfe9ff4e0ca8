package com.auditybridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** During a rotation every delivery carries two signatures; independent verifiers accept either secret. */
@MicronautTest(environments = "sim", transactional = false)
class SignatureInteropTest extends DeliveryTestBase {
    static final String NEW = "whsec_bmV3LXNpZ25pbmctc2VjcmV0LWFmdGVyLXJvdGF0aW9u";
    static final String OLD = "whsec_b2xkLXNpZ25pbmctc2VjcmV0LWJlZm9yZS1yb3RhdGlvbg==";
    static final Instant OVERLAP_ENDS = Instant.now().plus(Duration.ofDays(1));

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("bridge.signing-secret", NEW);
        properties.put("bridge.signing.previous-secret", OLD);
        properties.put("bridge.signing.previous-until", OVERLAP_ENDS.toString());
        return properties;
    }

    @Test
    void duringARotationEitherSecretVerifiesWithTheSpecAndTheNpmPackage() throws Exception {
        clock.set(Instant.now());
        attemptDue(emit(receiver.url("/hook?x=1"), true));
        TestReceiver.Received got = receiver.received.get(0);
        String signature = got.header("webhook-signature");

        assertThat(signature.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        for (String secret : List.of(NEW, OLD)) {
            assertThat(SpecVerifier.verifies(
                            secret, got.header("webhook-id"), got.header("webhook-timestamp"), got.body(), signature))
                    .as(secret)
                    .isTrue();
        }
        Assumptions.assumeTrue(NpmVerifier.available(), "npm install --prefix target/npm standardwebhooks@1");
        String input = json.writeValueAsString(Map.of(
                "secrets",
                List.of(NEW, OLD, DEMO_SECRET),
                "messages",
                List.of(Map.of(
                        "body",
                        got.body(),
                        "headers",
                        Map.of(
                                "webhook-id",
                                got.header("webhook-id"),
                                "webhook-timestamp",
                                got.header("webhook-timestamp"),
                                "webhook-signature",
                                signature)))));
        assertThat(NpmVerifier.verify(input)).isEqualTo("[[true,true,false]]");
    }

    @Test
    void afterTheOverlapOnlyTheNewSecretSigns() {
        clock.set(OVERLAP_ENDS.plusSeconds(1));
        attemptDue(emit(receiver.url("/hook"), true));
        TestReceiver.Received got = receiver.received.get(0);

        assertThat(got.header("webhook-signature").split(" ")).hasSize(1);
        assertThat(SpecVerifier.verifies(
                        NEW,
                        got.header("webhook-id"),
                        got.header("webhook-timestamp"),
                        got.body(),
                        got.header("webhook-signature")))
                .isTrue();
    }

    @Test
    void theDemoInboxVerifiesWhatTheBridgeSigns() {
        admin(HttpRequest.POST("/sim/admin/reset", ""));
        String id = emit(getBaseUrl() + "/sim/inbox?from=test", true);

        assertThat(attemptDue(id).text("status")).isEqualTo("delivered");
        Reply inbox = call(HttpRequest.GET("/sim/inbox"));
        assertThat(inbox.at("messages.0.verified")).isEqualTo(true);
        assertThat(inbox.text("messages.0.webhookId")).isEqualTo(id);
        assertThat(inbox.text("messages.0.query")).isEqualTo("from=test");
    }

    @jakarta.inject.Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    private String getBaseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }
}
