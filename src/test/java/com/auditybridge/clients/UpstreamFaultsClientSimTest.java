package com.auditybridge.clients;

import static com.auditybridge.upstream.UpstreamErrorKind.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.upstream.UpstreamError;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rate limits, server errors, resets and slowness from the simulator, as the Audity client types them. */
@MicronautTest(environments = "sim")
@Property(name = "audity.read-timeout", value = "1s")
class UpstreamFaultsClientSimTest extends ClientSimTestBase {

    @Test
    void theTwentyFirstWriteInAMinuteIsRateLimitedForTheRestOfTheWindow() {
        for (int i = 0; i < 20; i++) {
            audity.convertLead(TOKEN, UNKNOWN_ID);
        }
        clock.advance(Duration.ofSeconds(15));

        UpstreamError error = audity.convertLead(TOKEN, UNKNOWN_ID).error();

        assertThat(error.kind()).isEqualTo(RATE_LIMITED);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aRateLimitStormIsRateLimitedWithItsRetryAfter() {
        faults(Map.of("rateLimitStorm", true));

        assertThat(audity.getJob(TOKEN, UNKNOWN_ID).error().retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anErrorRateOfOneIsAServerError() {
        faults(Map.of("errorRate", 1.0));

        assertThat(audity.listProjects(TOKEN).error().kind()).isEqualTo(SERVER_ERROR);
    }

    @Test
    void aResetConnectionIsANetworkFailureWhoseOutcomeIsUnknown() {
        faults(Map.of("resetRate", 1.0));

        UpstreamError error = audity.convertLead(TOKEN, UNKNOWN_ID).error();

        assertThat(error.kind()).isEqualTo(NETWORK);
        assertThat(error.outcomeUnknown()).isTrue();
    }

    @Test
    void aConvertThatCommitsThenHangsPastTheReadTimeoutIsATimeoutThatCharged() {
        String lead = unconvertedLead();
        faults(Map.of("convertCommitThenHang", true, "hangMs", 5_000));

        UpstreamError error = audity.convertLead(TOKEN, lead).error();

        assertThat(error.kind()).isEqualTo(TIMEOUT);
        assertThat(audity.getLead(TOKEN, lead).value().converted()).isTrue();
    }
}
