package com.auditybridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** The published contract: the 202 of the async trigger always says {@code pending}, even for a job that starts at once. */
@MicronautTest(environments = "sim")
@Property(name = "sim.audity.job-pending", value = "0s")
class ImmediateJobStartContractSimTest extends ContractSimTestBase {

    @Test
    void aJobThatStartsAtOnceIsStillAnnouncedAsPending() {
        Reply started = audity("POST", "/api/agent/projects/" + analysedProject(0) + "/audit-analysis/async", null);

        assertThat(started.text("data.status")).isEqualTo("pending");
        assertThat(audity("GET", "/api/agent/jobs/" + started.text("data.jobId"), null)
                        .text("data.status"))
                .isEqualTo("processing");
    }
}
