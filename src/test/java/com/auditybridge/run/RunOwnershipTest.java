package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runs API (docs/api.md): a run of another connection does not exist for the caller (404, never 403). */
@MicronautTest(environments = "sim", transactional = false)
class RunOwnershipTest extends BridgeTestBase {
    private String foreignRun;

    @BeforeEach
    void aRunOfAnotherConnection() {
        foreignRun = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        execute(
                "insert into run (id, connection_id, flow, status, step, input, step_started_at, created_at, updated_at)"
                        + " values (?, 'other', 'project-analysis', 'failed', 'trigger', '{}', ?, ?, ?)",
                foreignRun,
                now,
                now,
                now);
    }

    @Test
    void itIsNotFoundByGet() {
        assertProblem(run(foreignRun), 404, "NOT_FOUND");
    }

    @Test
    void itIsNotFoundByCancel() {
        assertProblem(control(foreignRun, "cancel"), 404, "NOT_FOUND");
        assertThat(count("select count(*) from run where id = ? and status = 'failed'", foreignRun))
                .isEqualTo(1);
    }

    @Test
    void itIsNotFoundByRetry() {
        assertProblem(control(foreignRun, "retry"), 404, "NOT_FOUND");
        assertThat(queued(foreignRun)).isFalse();
    }

    @Test
    void itIsNotListed() {
        String own = hook("analysis-requested", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID))
                .text("runId");

        Reply list = call(HttpRequest.GET("/v1/runs?limit=100").bearerAuth(API_KEY));

        assertThat(list.body()).contains(own).doesNotContain(foreignRun);
    }
}
