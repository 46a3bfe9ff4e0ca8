package com.auditybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hook answers (docs/api.md): a caller over its own inbound rate gets 429 with Retry-After, and stores nothing. A rate of 20 a minute
 * takes 2 calls back to back (a tenth, the burst) and refills the other 18 over the minute: one every 3⅓ s.
 */
@MicronautTest(environments = "sim", transactional = false)
class InboundRateTest extends BridgeTestBase {

    @Override
    public Map<String, String> getProperties() {
        return propertiesWith("bridge.intake.requests-per-minute", "20");
    }

    @Test
    void aCallerOverItsRateIsAnswered429UntilItsBudgetRefills() {
        String body = "{\"projectId\":\"%s\"}".formatted(PROJECT_ID);
        Reply first = hook("analysis-requested", body);
        Reply second = hook("analysis-requested", body);

        Reply refused = storingNothing(() -> hook("analysis-requested", body));
        clock.advance(Duration.ofSeconds(4));
        Reply later = hook("analysis-requested", body);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        assertProblem(refused, 429, "RATE_LIMITED");
        assertThat(refused.header("Retry-After")).isEqualTo("4");
        assertThat(later.status()).as(later.body()).isEqualTo(202);
    }
}
