package com.auditybridge.run.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.audity.ConvertResult;
import com.auditybridge.audity.ProjectPatch;
import com.auditybridge.callback.EventTypes;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Exit;
import com.auditybridge.run.FlowGraph;
import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunInput;
import com.auditybridge.run.RunStatus;
import com.auditybridge.run.StepNotes;
import com.auditybridge.run.Transition;
import com.auditybridge.run.paid.PaidCallRecord.How;
import com.auditybridge.run.paid.PaidSteps;
import com.auditybridge.run.paid.Progress;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** lead-to-audit's table: what each step's exit leads to, for the inputs a hook may carry. */
class LeadToAuditFlowTableTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final FlowSettings SETTINGS = new FlowSettings(
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            Duration.ofHours(1),
            Duration.ofDays(7),
            Duration.ofSeconds(2),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofHours(24));
    private static final Decisions DECISIONS = new Decisions(NOW, StepNotes.NONE, null, () -> false);

    private final FlowGraph graph = new LeadToAuditFlow(SETTINGS, new PaidSteps(null, null, Clock.systemUTC())).graph();

    @Test
    void aRunStartsByConvertingItsLead() {
        assertThat(graph.first()).isEqualTo("convert");
        assertThat(graph.stepNames())
                .containsExactly(
                        "convert", "patch", "trigger", "wait-prereqs", "poll", "read-analysis", "read-deliverables");
    }

    @Test
    void aConvertedLeadIsPatchedWhenTheHookCarriedProjectFields() {
        Transition next =
                graph.route("convert", converted(), input(new ProjectPatch(null, "Retail", null, null, null), null));

        assertThat(next.step()).isEqualTo("patch");
        assertThat(next.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(next.ids().projectId()).isEqualTo("project-1");
        assertThat(next.events()).containsExactly(EventTypes.LEAD_CONVERTED);
    }

    @Test
    void aConvertedLeadWithoutFieldsGoesStraightToTheTrigger() {
        assertThat(graph.route("convert", converted(), input(null, null)).step())
                .isEqualTo("trigger");
        assertThat(graph.route("convert", converted(), input(new ProjectPatch(null, null, null, null, null), null))
                        .step())
                .isEqualTo("trigger");
    }

    @Test
    void aConvertedLeadWhoseHookAskedForNoAnalysisCompletesTheRunWithItsProject() {
        Transition end = graph.route("convert", converted(), input(null, "none"));

        assertThat(end.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(end.step()).isNull();
        assertThat(end.nextAt()).isNull();
        assertThat(end.outcome()).isEqualTo("completed");
        assertThat(end.ids().projectId()).isEqualTo("project-1");
        assertThat(end.events()).containsExactly(EventTypes.LEAD_CONVERTED);
    }

    @Test
    void aPatchedProjectIsAnalysedUnlessTheHookSaidNone() {
        Transition patched = Transition.exit(Exit.DONE, NOW, "patched", "project updated");

        assertThat(graph.route("patch", patched, input(null, null)).step()).isEqualTo("trigger");
        assertThat(graph.route("patch", patched, input(null, "none")).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aTriggerRefusedForMissingAnalysesParksTheRunOnTheWaitUntilItsDeadline() {
        UpstreamError missing =
                UpstreamError.of(UpstreamErrorKind.PREREQUISITE_MISSING, 422, "PREREQUISITE_MISSING", "no interview");
        Transition refused = new AnalysisTrigger(SETTINGS).refused(run(), missing, DECISIONS);

        Transition next = graph.route("trigger", refused, input(null, null));

        assertThat(next.step()).isEqualTo("wait-prereqs");
        assertThat(next.status()).isEqualTo(RunStatus.WAITING);
        assertThat(next.nextAt()).isEqualTo(NOW.plus(SETTINGS.prerequisiteCheck()));
        assertThat(next.waitDeadline()).isEqualTo(NOW.plus(SETTINGS.prerequisiteWait()));
    }

    @Test
    void theWaitOverLeadsBackToTheTriggerAndAStartedJobIsPolled() {
        Transition met = Transition.exit(Exit.DONE, NOW, "prerequisites-met", "analyses exist");
        Transition started = new AnalysisTrigger(SETTINGS)
                .done(run(), new Progress.Done<>("job-1", How.ANSWER, null, "answered"), DECISIONS);

        assertThat(graph.route("wait-prereqs", met, input(null, null)).step()).isEqualTo("trigger");
        Transition poll = graph.route("trigger", started, input(null, null));
        assertThat(poll.step()).isEqualTo("poll");
        assertThat(poll.nextAt()).isEqualTo(NOW.plus(SETTINGS.pollInitial()));
        assertThat(poll.ids().jobId()).isEqualTo("job-1");
    }

    @Test
    void anAnalysisThatATriggersLookFoundMadeCompletesTheRunWithNothingToPoll() {
        Transition found = new AnalysisTrigger(SETTINGS)
                .done(run(), new Progress.Done<>("analysis-1", How.EVIDENCE, null, "seen"), DECISIONS);

        Transition end = graph.route("trigger", found, input(null, null));

        assertThat(end.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(end.ids().analysisId()).isEqualTo("analysis-1");
    }

    @Test
    void aFinishedAnalysisIsFollowedByThePartsTheRunAskedForInReadingOrderThenTheEnd() {
        Transition done = Transition.exit(Exit.DONE, NOW, "completed", "analysis a-1");

        assertThat(graph.route("poll", done, including()).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(graph.route("poll", done, including("deliverables", "analysis"))
                        .step())
                .isEqualTo("read-analysis");
        assertThat(graph.route("poll", done, including("deliverables")).step()).isEqualTo("read-deliverables");
        assertThat(graph.route("trigger", done, including("analysis")).step()).isEqualTo("read-analysis");
        assertThat(graph.route("read-analysis", done, including("analysis", "deliverables"))
                        .step())
                .isEqualTo("read-deliverables");
        assertThat(graph.route("read-analysis", done, including("analysis")).status())
                .isEqualTo(RunStatus.COMPLETED);
        assertThat(graph.route("read-deliverables", done, including("analysis", "deliverables"))
                        .status())
                .isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aStepThatStaysIsNotRouted() {
        Transition again = Transition.again(RunStatus.RUNNING, NOW.plus(Duration.ofSeconds(5)), "running", "job");

        assertThat(graph.route("poll", again, input(null, null))).isSameAs(again);
    }

    private static Transition converted() {
        return new Conversion()
                .done(
                        run(),
                        new Progress.Done<>(
                                "project-1", How.ANSWER, new ConvertResult("project-1", 1000, null), "answered"),
                        DECISIONS);
    }

    private static RunInput including(String... parts) {
        return new RunInput("lead-1", null, null, null, null, null, null, null, null, null, java.util.List.of(parts));
    }

    private static RunInput input(ProjectPatch project, String analysis) {
        return new RunInput("lead-1", null, project, null, analysis, null, null, null, null, null, null);
    }

    private static Run run() {
        return Run.builder()
                .id("run-1")
                .status(RunStatus.RUNNING)
                .leadId("lead-1")
                .stepStartedAt(NOW)
                .build();
    }
}
