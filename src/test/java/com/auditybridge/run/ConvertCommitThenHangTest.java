package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A conversion that commits but never answers in time is waited out, then found by reading the lead and the projects;
 * never paid twice. Conversions of one token go one at a time while one is in doubt, so the three leads take turns.
 */
@MicronautTest(environments = "sim", transactional = false)
@Property(name = "audity.read-timeout", value = "500ms")
class ConvertCommitThenHangTest extends BridgeTestBase {

    @Test
    void unansweredConversionsOfSeveralLeadsAreRecoveredAndEachLeadIsConvertedOnce() {
        faults("{\"convertCommitThenHang\":true,\"hangMs\":2000}");
        List<String> leads = IntStream.range(0, 3).mapToObj(i -> newLead()).toList();
        List<String> runIds = leads.stream()
                .map(lead -> leadArrived(lead, "\"analysis\":\"none\""))
                .toList();

        driveAllToEnd(runIds, Duration.ofSeconds(5), 400);

        for (int i = 0; i < leads.size(); i++) {
            Reply done = run(runIds.get(i));
            assertThat(done.text("status")).as(done.body()).isEqualTo("completed");
            assertThat(done.body()).contains("in-doubt", "recovered");
            assertThat(conversionsOf(leads.get(i))).isEqualTo(1);
            Reply project =
                    audity(HttpRequest.GET("/sim/audity/api/projects/" + done.text("result.projectId")), BRIDGE_TOKEN);
            assertThat(project.text("clientName"))
                    .as("the project recovered is the lead's own")
                    .isEqualTo(companyOf(leads.get(i)));
        }
    }
}
