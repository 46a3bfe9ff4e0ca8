package com.auditybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A caller over its own inbound rate is answered 429 with Retry-After, and stores nothing. */
@MicronautTest(environments = "sim", transactional = false)
class InboundRateTest extends BridgeTestBase {

    @Override
    public Map<String, String> getProperties() {
        return propertiesWith("bridge.intake.requests-per-minute", "2");
    }

    @Test
    void aCallerOverItsRateIsAnswered429UntilTheMinutePasses() {
        String body = "{\"projectId\":\"%s\"}".formatted(PROJECT_ID);
        hook("analysis-requested", body);
        clock.advance(Duration.ofSeconds(20));
        hook("analysis-requested", body);

        Reply refused = storingNothing(() -> hook("analysis-requested", body));
        clock.advance(Duration.ofSeconds(41));
        Reply later = hook("analysis-requested", body);

        assertProblem(refused, 429, "RATE_LIMITED");
        assertThat(refused.header("Retry-After")).isEqualTo("40");
        assertThat(later.status()).as(later.body()).isEqualTo(202);
    }
}
