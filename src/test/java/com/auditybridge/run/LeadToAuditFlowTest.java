package com.auditybridge.run;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "sim", transactional = false)
class LeadToAuditFlowTest extends BridgeTestBase {

    @Test
    void aLeadArrivesIsConvertedPatchedAnalysedAndItsFinalEventQueued() {
        String lead = unconvertedLead(0);
        Reply accepted = hook("lead-arrived", """
                {"leadId":"%s","project":{"industry":"Manufacturing"},"callbackUrl":"http://127.0.0.1:9/hook?signature=abc",
                 "metadata":{"crm":"42"}}""".formatted(lead));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo("/v1/runs/" + accepted.text("runId"));

        Reply done = driveToEnd(accepted.text("runId"), Duration.ofSeconds(5), 100);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(done.text("result.analysisId")).isNotBlank();
        assertThat(conversionsOf(lead)).isEqualTo(1);
    }
}
