package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim", transactional = false)
class StuckRunTest extends BridgeTestBase {

    @Test
    void aRunWhoseStepKeepsThrowingFailsWithInternalErrorInsteadOfRetryingForever() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        execute(
                "insert into run (id, connection_id, flow, status, step, input, callback_url, attempts, step_started_at,"
                        + " created_at, updated_at) values ('stuck-run', 'default', 'project-analysis', 'queued', 'trigger',"
                        + " '{}', 'http://127.0.0.1:9/cb', 0, ?, ?, ?)",
                now,
                now,
                now);
        execute(
                "insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                        + " values ('run', 'stuck-run', ?, false, 1)",
                now);

        for (int round = 0; round < RunTask.MAX_CONSECUTIVE_FAILURES + 2; round++) {
            scheduler.runAnyDueExecutions();
            clock.advance(Duration.ofMinutes(6));
        }

        Reply run = run("stuck-run");
        assertThat(run.text("status")).isEqualTo("failed");
        assertThat(run.text("error.code")).isEqualTo("INTERNAL_ERROR");
        assertThat(run.text("error.message")).contains("10 times in a row");
        assertThat(count("select count(*) from scheduled_tasks where task_instance = 'stuck-run'"))
                .isZero();
        assertThat(count("select count(*) from delivery where run_id = 'stuck-run' and final_callback"))
                .isEqualTo(1);
    }
}
