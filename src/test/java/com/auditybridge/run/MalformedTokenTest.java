package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "Bearer Bearer" mistake Audity warns of (a tool prepends the scheme to a token pasted with it): the token is
 * malformed upstream.
 */
@MicronautTest(environments = "sim", transactional = false)
class MalformedTokenTest extends BridgeTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("audity.token", "Bearer " + BRIDGE_TOKEN);
    }

    @Test
    void aMalformedAudityTokenFailsTheRunAtOnceWithPatMalformed() {
        String lead = newLead();

        Reply run = driveToEnd(leadArrived(lead, ""), Duration.ofSeconds(1), 10);

        assertFailedWith(run, "PAT_MALFORMED");
        assertThat(run.at("error.upstreamStatus")).isEqualTo(401);
        assertThat(run.at("attempts")).isEqualTo(0);
        assertThat(conversionsOf(lead)).isZero();
    }
}
