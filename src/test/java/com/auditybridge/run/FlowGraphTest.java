package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auditybridge.upstream.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A flow's table is checked when it is built, so that a run never meets an exit that leads nowhere. */
class FlowGraphTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final RunInput ANY_INPUT =
            new RunInput(null, null, null, null, null, null, null, null, null, null, null);

    @Test
    void aWayOnToAStepTheFlowLacksIsRefused() {
        assertThatThrownBy(() -> FlowGraph.builder()
                        .step(step("first"))
                        .on(Exit.DONE, "missing")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void anExitThatLeadsSomewhereOnlyForSomeInputsIsRefused() {
        assertThatThrownBy(() -> FlowGraph.builder()
                        .step(step("first"))
                        .on(Exit.DONE, "second", RunInput::wantsAnalysis)
                        .step(step("second"))
                        .endsOn(Exit.DONE)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("first");
    }

    @Test
    void aStepNoWayLeadsToIsRefused() {
        assertThatThrownBy(() -> FlowGraph.builder()
                        .step(step("first"))
                        .endsOn(Exit.DONE)
                        .step(step("orphan"))
                        .endsOn(Exit.DONE)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orphan");
    }

    @Test
    void anExitTheTableDoesNotNameFailsLoudlyInsteadOfEndingTheRun() {
        FlowGraph graph =
                FlowGraph.builder().step(step("first")).endsOn(Exit.DONE).build();

        assertThatThrownBy(() -> graph.route("first", Transition.exit(Exit.STARTED, NOW, "started", "job"), ANY_INPUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STARTED");
    }

    @Test
    void theFirstWayOnWhoseInputAgreesIsTaken() {
        FlowGraph graph = FlowGraph.builder()
                .step(step("first"))
                .on(Exit.DONE, "second", input -> false)
                .on(Exit.DONE, "third")
                .step(step("second"))
                .endsOn(Exit.DONE)
                .step(step("third"))
                .endsOn(Exit.DONE)
                .build();

        Transition next = graph.route("first", Transition.exit(Exit.DONE, NOW, "done", "first done"), ANY_INPUT);

        assertThat(next.step()).isEqualTo("third");
        assertThat(next.exit()).isNull();
        assertThat(next.outcome()).isEqualTo("done");
    }

    private static Step<String> step(String name) {
        return new Step<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Outcome<String> call(Run run, StepContext context) {
                return Outcome.success(200, "called");
            }

            @Override
            public Transition decide(Run run, Outcome<String> outcome, Decisions decisions) {
                return Transition.exit(Exit.DONE, decisions.now(), "done", outcome.value());
            }
        };
    }
}
