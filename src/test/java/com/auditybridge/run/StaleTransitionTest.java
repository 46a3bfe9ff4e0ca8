package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A step's transition applies only to the version of the run the step read. */
@MicronautTest(environments = "sim", transactional = false)
class StaleTransitionTest extends BridgeTestBase {
    @Inject
    RunStore runs;

    @Inject
    RunTransitions transitions;

    @Inject
    RunInputCodec codec;

    @Inject
    List<FlowDefinition> flows;

    @Test
    void aStepThatEndsAfterTheRunWasCancelledLeavesNothingAfterTheCancel() {
        String runId = analysisRequested(PROJECT_ID);
        Run readByTheStep = runs.find(runId).orElseThrow();
        assertThat(control(runId, "cancel").status()).isEqualTo(200);

        apply(
                readByTheStep,
                Transition.exit(Exit.STARTED, clock.instant(), "triggered", "job j-1")
                        .withJob("j-1"));

        Reply cancelled = run(runId);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) cancelled.at("timeline");
        assertThat(timeline.get(timeline.size() - 1)).containsEntry("outcome", "cancelled");
        assertThat(rows.events(runId)).noneMatch(e -> "analysis.completed".equals(e.get("type")));
        assertThat(runs.find(runId).orElseThrow().jobId())
                .as("an id learned upstream is kept whatever became of the decision")
                .isEqualTo("j-1");
    }

    @Test
    void aRevivedExecutionsDecisionOnAnOlderVersionIsDropped() {
        String runId = analysisRequested(PROJECT_ID);
        Run first = runs.find(runId).orElseThrow();
        apply(first, Transition.again(RunStatus.RUNNING, clock.instant(), "held", "first execution"));

        apply(first, Transition.exit(Exit.DONE, clock.instant(), "completed", "a stale second execution"));

        Reply run = run(runId);
        assertThat(run.text("status")).isEqualTo("running");
        assertThat(run.body()).doesNotContain("a stale second execution");
    }

    /** As the runner does: the decision routed by the run's flow, then applied to the version of the run read. */
    private void apply(Run run, Transition decided) {
        FlowDefinition flow =
                flows.stream().filter(f -> f.flow() == run.flow()).findFirst().orElseThrow();
        RunInput input = codec.read(run.input());
        transitions.apply(run, run.step(), flow.graph().route(run.step(), decided, input), flow, input);
    }
}
