package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim", transactional = false)
class LeadToAuditFlowTest extends BridgeTestBase {
    private static final String CALLBACK = "http://127.0.0.1:9/hook?signature=abc";

    @Test
    void aLeadArrivesIsConvertedPatchedAnalysedAndItsFinalEventQueued() {
        String lead = newLead();
        Reply accepted = hook("lead-arrived", """
                {"leadId":"%s","project":{"industry":"Manufacturing"},"callbackUrl":"%s",
                 "metadata":{"crm":"42"}}""".formatted(lead, CALLBACK));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo("/v1/runs/" + accepted.text("runId"));
        String runId = accepted.text("runId");

        Reply done = driveToEnd(runId, Duration.ofSeconds(5), 100);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(done.text("result.analysisId")).isNotBlank();
        assertThat(done.text("result.project.industry")).isEqualTo("Manufacturing");
        assertThat(conversionsOf(lead)).isEqualTo(1);
        assertThat(rows.events(runId)).extracting(e -> e.get("type")).contains("lead.converted", "audit.completed");
        assertThat(rows.deliveries(runId))
                .singleElement()
                .satisfies(delivery -> assertThat(delivery)
                        .containsAllEntriesOf(Map.of(
                                "type",
                                "audit.completed",
                                "final_callback",
                                true,
                                "status",
                                "pending",
                                "target_url",
                                CALLBACK)));
    }

    @Test
    void aLeadWithoutAnalysisEndsRightAfterItsConversion() {
        String lead = newLead();
        String runId = leadArrived(lead, "\"analysis\":\"none\"");

        Reply done = driveToEnd(runId, Duration.ofSeconds(5), 20);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(done.text("result.projectId")).isNotBlank();
        assertThat(done.at("result.jobId")).isNull();
        assertThat(conversionsOf(lead)).isEqualTo(1);
        assertThat(rows.events(runId))
                .extracting(e -> e.get("type"))
                .containsExactlyInAnyOrder("lead.converted", "audit.completed");
    }
}
