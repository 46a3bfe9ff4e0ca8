package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Permanent refusals of the paid conversion end the run at once with their own code, and convert nothing. */
@MicronautTest(environments = "sim", transactional = false)
class ConversionFailuresTest extends BridgeTestBase {

    private Reply leadToAuditEnds() {
        String lead = newLead();
        Reply done = driveToEnd(leadArrived(lead, ""), Duration.ofSeconds(5), 10);
        assertThat(conversionsOf(lead)).isZero();
        return done;
    }

    @Test
    void anAccountWithoutCreditsFailsWithInsufficientCredits() {
        bridgeAccount("\"credits\":0");

        Reply done = assertFailedWith(leadToAuditEnds(), "INSUFFICIENT_CREDITS");

        assertThat(done.at("error.upstreamStatus")).isEqualTo(402);
    }

    @Test
    void aSoloTierFailsWithTierRequiredNamingTheTierNeeded() {
        bridgeAccount("\"tier\":\"solo\"");

        Reply done = assertFailedWith(leadToAuditEnds(), "TIER_REQUIRED");

        assertThat(done.text("error.message")).contains("starter");
    }

    @Test
    void aRevokedTokenFailsWithTokenInactive() {
        bridgeAccount("\"revoked\":true");

        assertFailedWith(leadToAuditEnds(), "TOKEN_INACTIVE");
    }

    @Test
    void theKillSwitchIsPermanentAndFailsWithPatDisabled() {
        killSwitch(true);

        Reply done = assertFailedWith(leadToAuditEnds(), "PAT_DISABLED");

        assertThat(done.at("error.upstreamStatus")).isEqualTo(503);
    }
}
