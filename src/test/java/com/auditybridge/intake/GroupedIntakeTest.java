package com.auditybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hooks that arrive together are committed together (run/GroupedIntake): each is still answered with its own run,
 * stored once with its timeline row and its task, and a lead sent twice among them is one run.
 */
@MicronautTest(environments = "sim", transactional = false)
class GroupedIntakeTest extends BridgeTestBase {
    private static final int LEADS = 40;

    @Test
    void manyHooksAtOnceGetARunEachStoredOnceWithItsTaskAndATwiceSentLeadIsOneRun() {
        List<CompletableFuture<Reply>> answers = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            answers.add(send(hookRequest("lead-arrived", "{\"leadId\":\"together-" + i + "\"}")));
        }
        for (int i = 0; i < 10; i++) {
            answers.add(send(hookRequest("lead-arrived", "{\"leadId\":\"together-" + i + "\"}")));
        }
        List<Reply> replies = answers.stream().map(CompletableFuture::join).toList();

        assertThat(replies).extracting(Reply::status).allMatch(status -> status == 202 || status == 200);
        assertThat(replies.stream().filter(r -> r.status() == 202)).hasSize(LEADS);
        Map<String, Set<String>> runsByLead = new java.util.HashMap<>();
        for (int i = 0; i < replies.size(); i++) {
            runsByLead
                    .computeIfAbsent("together-" + (i % LEADS), k -> new java.util.HashSet<>())
                    .add(replies.get(i).text("runId"));
        }
        assertThat(runsByLead.values()).allSatisfy(runs -> assertThat(runs).hasSize(1));
        Set<String> runIds = replies.stream().map(r -> r.text("runId")).collect(Collectors.toSet());
        assertThat(runRows()).isEqualTo(LEADS);
        assertThat(runIds).hasSize(LEADS).allSatisfy(runId -> {
            assertThat(queued(runId)).as("task of %s", runId).isTrue();
            assertThat(count("select count(*) from run_event where run_id = ?", runId))
                    .isEqualTo(1);
        });
        assertThat(count("select count(distinct priority) from scheduled_tasks where task_name = 'run'"))
                .as("each run its own place in the arrival order")
                .isEqualTo(LEADS);
    }
}
