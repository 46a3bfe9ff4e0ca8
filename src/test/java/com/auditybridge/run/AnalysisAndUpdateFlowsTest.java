package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim", transactional = false)
class AnalysisAndUpdateFlowsTest extends BridgeTestBase {

    @Test
    void anAnalysisRequestedForAConvertedProjectCompletesWithItsAnalysis() {
        String project = projectFromConversion();
        String runId = analysisRequested(project);

        Reply done = driveToEnd(runId, Duration.ofSeconds(5), 50);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(done.text("result.projectId")).isEqualTo(project);
        assertThat(done.text("result.analysisId")).isNotBlank();
        assertThat(rows.events(runId)).extracting(e -> e.get("type")).containsExactly("analysis.completed");
    }

    @Test
    void aProjectUpdateEndsWithTheUpdatedProjectInItsResult() {
        String project = projectFromConversion();
        Reply accepted = hook("project-update", """
                {"projectId":"%s","changes":{"industry":"Retail","description":"Updated by the bridge"}}""".formatted(project));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        Reply done = driveToEnd(accepted.text("runId"), Duration.ofSeconds(5), 20);

        assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
        assertThat(done.text("result.project.id")).isEqualTo(project);
        assertThat(done.text("result.project.industry")).isEqualTo("Retail");
        assertThat(rows.events(done.text("runId")))
                .extracting(e -> e.get("type"))
                .containsExactly("project.updated");
    }
}
