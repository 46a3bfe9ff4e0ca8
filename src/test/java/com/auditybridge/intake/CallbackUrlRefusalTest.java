package com.auditybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With the SSRF guard on, a callback URL the bridge may not call is a 422 at intake. */
@MicronautTest(environments = "sim", transactional = false)
class CallbackUrlRefusalTest extends BridgeTestBase {

    @Override
    public Map<String, String> getProperties() {
        return propertiesWith("bridge.allow-private-callbacks", "false");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://93.184.216.34/results",
                "http://127.0.0.1:5678/webhook",
                "http://10.1.2.3/hook",
                "http://192.168.0.10/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/hook",
                "http://[::1]/hook",
                "http://[fd00::1]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://localhost/hook"
            })
    void aCallbackUrlTheBridgeMayNotCallIsA422AndStoresNothing(String url) {
        Reply reply = storingNothing(() -> hook("analysis-requested", body(url)));

        assertProblem(reply, 422, "CALLBACK_URL_REFUSED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook?signature=abc", "http://8.8.8.8:8080/resume"})
    void aCallbackUrlOnAPublicAddressIsAccepted(String url) {
        Reply reply = hook("analysis-requested", body(url));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    }

    private static String body(String callbackUrl) {
        return "{\"projectId\":\"%s\",\"callbackUrl\":\"%s\"}".formatted(PROJECT_ID, callbackUrl);
    }
}
