package com.auditybridge.run.paid;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.run.Decisions;
import com.auditybridge.run.Exit;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunStore;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.StepNotes;
import com.auditybridge.run.Transition;
import com.auditybridge.run.paid.PaidCallRecord.State;
import com.auditybridge.testing.BridgeTestBase;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The paid step's states, against the real {@code paid_call} table, with a scripted upstream: what it answers to
 * each send and what each look sees. Sends are counted here, independently of what the bridge records.
 */
@MicronautTest(environments = "sim", transactional = false)
class PaidStepTest extends BridgeTestBase {
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final StepContext NO_CONTEXT = new StepContext(null, null, null, null);

    @Inject
    PaidSteps paidSteps;

    @Inject
    PaidCalls calls;

    @Inject
    RunStore runs;

    @Test
    void anUnansweredCallIsNotSentAgainBeforeTheSettleWindowHasPassed() {
        Scripted upstream = new Scripted().answers(timeout()).sees(new Evidence.NotDone("not converted", true));
        String runId = newRun();

        Progress<String> first = execute(upstream, runId);
        clock.advance(Duration.ofMinutes(1));
        Progress<String> early = execute(upstream, runId);

        assertThat(first).isInstanceOf(Progress.Unsettled.class);
        assertThat(((Progress.Unsettled<String>) first).at()).isEqualTo(testStart.plus(SETTLE));
        assertThat(early)
                .as("a look before the window may not conclude 'not done'")
                .isInstanceOf(Progress.Unsettled.class);
        assertThat(upstream.sends).isEqualTo(1);
        assertThat(record(runId).state()).isEqualTo(State.IN_DOUBT);
    }

    @Test
    void notDoneIsBelievedOnlyAfterTheWindowAndTwoSpacedLooks() {
        Scripted upstream = new Scripted()
                .answers(timeout(), created("project-1"))
                .sees(new Evidence.NotDone("not converted", true), new Evidence.NotDone("not converted", true));
        String runId = newRun();
        execute(upstream, runId);

        clock.advance(SETTLE);
        Progress<String> firstLook = execute(upstream, runId);
        clock.advance(Duration.ofSeconds(30));
        Progress<String> secondLook = execute(upstream, runId);
        Progress<String> sent = execute(upstream, runId);

        assertThat(firstLook).isInstanceOf(Progress.Unsettled.class);
        assertThat(secondLook).isInstanceOf(Progress.SendAgain.class);
        assertThat(sent).isInstanceOf(Progress.Done.class);
        assertThat(upstream.sends).isEqualTo(2);
        assertThat(record(runId).resultId()).isEqualTo("project-1");
    }

    @Test
    void aCallThatKeepsGoingUnansweredAsksAHumanAfterItsTries() {
        Scripted upstream = new Scripted();
        String runId = newRun();
        Progress<String> last = null;
        for (int send = 0; send < 5 && !(last instanceof Progress.Unconfirmed); send++) {
            upstream.answers(timeout())
                    .sees(new Evidence.NotDone("not converted", true), new Evidence.NotDone("not converted", true));
            execute(upstream, runId);
            clock.advance(SETTLE);
            execute(upstream, runId);
            clock.advance(Duration.ofSeconds(30));
            last = execute(upstream, runId);
        }

        assertThat(last).isInstanceOf(Progress.Unconfirmed.class);
        assertThat(upstream.sends).isEqualTo(3);
        Transition failed = decide(runId, last);
        assertThat(failed.error().code()).isEqualTo("TEST_UNCONFIRMED");
    }

    @Test
    void aSuccessWhoseBodyCannotBeReadIsACharge() {
        UpstreamError unreadable =
                UpstreamError.of(UpstreamErrorKind.UNEXPECTED, 201, null, "unreadable answer: <html>");
        Scripted upstream =
                new Scripted().answers(Outcome.failure(unreadable)).sees(new Evidence.Done("project-7", "seen"));
        String runId = newRun();

        Progress<String> charged = execute(upstream, runId);
        Progress<String> found = execute(upstream, runId);

        assertThat(charged).isInstanceOf(Progress.Charged.class);
        assertThat(record(runId).state()).isEqualTo(State.DONE);
        assertThat(found).isInstanceOf(Progress.Done.class);
        assertThat(((Progress.Done<String>) found).id()).isEqualTo("project-7");
        assertThat(upstream.sends).isEqualTo(1);
    }

    @Test
    void alreadyConvertedAfterAnEarlierSendOfTheRunIsAChargeToRecover() {
        Scripted upstream = new Scripted()
                .answers(timeout(), alreadyConverted())
                .sees(
                        new Evidence.NotDone("not converted", true),
                        new Evidence.NotDone("not converted", true),
                        new Evidence.Done("project-3", "seen"));
        String runId = newRun();
        execute(upstream, runId);
        clock.advance(SETTLE);
        execute(upstream, runId);
        clock.advance(Duration.ofSeconds(30));
        execute(upstream, runId);

        Progress<String> late = execute(upstream, runId);
        Progress<String> recovered = execute(upstream, runId);

        assertThat(late).isInstanceOf(Progress.Charged.class);
        assertThat(recovered).isInstanceOf(Progress.Done.class);
        assertThat(decide(runId, recovered).error()).isNull();
    }

    @Test
    void alreadyConvertedOnTheRunsFirstSendIsARefusal() {
        Scripted upstream = new Scripted().answers(alreadyConverted());
        String runId = newRun();

        Progress<String> refused = execute(upstream, runId);

        assertThat(refused).isInstanceOf(Progress.Refused.class);
        assertThat(decide(runId, refused).error().code()).isEqualTo("ALREADY_CONVERTED");
    }

    @Test
    void aLeadThatAnotherRunOfTheConnectionConvertedIsNotConvertedAgainButTakesThatProject() {
        String lead = newLead();
        // What retention leaves of a run that converted the lead: its conversion record, the run deleted.
        execute(
                "insert into paid_call (run_id, kind, connection_id, token_fp, subject, state, result_id, result_how, updated_at)"
                        + " values (?,?,?,?,?,?,?,?,?)",
                "a-deleted-run",
                "convert",
                "default",
                "fp",
                lead,
                "done",
                "project-1",
                "ANSWER",
                java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        Scripted upstream = new Scripted().answers(created("project-2"));

        Progress<String> progress = execute(upstream, leadArrived(lead, "\"analysis\":\"none\""));

        assertThat(progress).isInstanceOfSatisfying(Progress.Done.class, done -> {
            assertThat(done.id()).isEqualTo("project-1");
            assertThat(done.what()).isEqualTo("converted earlier by run a-deleted-run, nothing sent");
        });
        assertThat(upstream.sends).isZero();
    }

    @Test
    void anExecutionOfAStaleVersionOfTheRunSendsNothing() {
        Scripted upstream = new Scripted().answers(created("project-1"));
        String runId = newRun();
        Run stale = runs.find(runId).orElseThrow();
        execute("update run set version = version + 1 where id = ?", runId);

        Progress<String> progress =
                paidSteps.of("convert", upstream).call(stale, NO_CONTEXT).value();

        assertThat(progress).isInstanceOf(Progress.NotSent.class);
        assertThat(upstream.sends).isZero();
    }

    @Test
    void aRevivedExecutionFindsTheCallInFlightAndWaitsInsteadOfSending() {
        Scripted upstream = new Scripted();
        String runId = newRun();
        Run run = runs.find(runId).orElseThrow();
        // The first execution recorded its intent and is still inside the call when the run is revived elsewhere.
        assertThat(calls.recordIntent(
                        run,
                        PaidCallKind.CONVERT,
                        "token-a",
                        "lead",
                        Long.MAX_VALUE,
                        clock.instant(),
                        clock.instant().minus(SETTLE)))
                .isTrue();

        Progress<String> revived = execute(upstream, runId);

        assertThat(revived).isInstanceOf(Progress.Unsettled.class);
        assertThat(upstream.sends).isZero();
    }

    @Test
    void whileAConversionOfATokenIsInDoubtNoOtherConvertOfThatTokenIsSent() {
        Scripted first = new Scripted().answers(timeout()).sees(new Evidence.Done("project-1", "seen"));
        Scripted second = new Scripted().answers(created("project-2"));
        String a = newRun();
        String b = newRun();

        execute(first, a);
        Progress<String> held = execute(second, b);
        clock.advance(SETTLE);
        execute(first, a);
        Progress<String> sent = execute(second, b);

        assertThat(held).isInstanceOf(Progress.NotSent.class);
        assertThat(sent).isInstanceOf(Progress.Done.class);
        assertThat(second.sends).isEqualTo(1);
    }

    @Test
    void anotherTokensConversionsAreNotHeldBack() {
        Scripted first = new Scripted().answers(timeout());
        Scripted other = new Scripted("token-b").answers(created("project-2"));

        execute(first, newRun());
        Progress<String> sent = execute(other, newRun());

        assertThat(sent).isInstanceOf(Progress.Done.class);
    }

    private Progress<String> execute(Scripted upstream, String runId) {
        return paidSteps
                .of("convert", upstream)
                .call(runs.find(runId).orElseThrow(), NO_CONTEXT)
                .value();
    }

    private Transition decide(String runId, Progress<String> progress) {
        return paidSteps
                .of("convert", new Scripted())
                .decide(
                        runs.find(runId).orElseThrow(),
                        Outcome.success(200, progress),
                        new Decisions(clock.instant(), StepNotes.NONE, null, () -> false));
    }

    private PaidCallRecord record(String runId) {
        return calls.find(runId, PaidCallKind.CONVERT).orElseThrow();
    }

    private String newRun() {
        return leadArrived(newLead(), "\"analysis\":\"none\"");
    }

    private static Outcome<String> timeout() {
        return Outcome.failure(UpstreamError.of(UpstreamErrorKind.TIMEOUT, 0, null, "Read Timeout"));
    }

    private static Outcome<String> created(String id) {
        return Outcome.success(201, id);
    }

    private static Outcome<String> alreadyConverted() {
        return Outcome.failure(
                UpstreamError.of(UpstreamErrorKind.ALREADY_CONVERTED, 400, null, "Lead already converted"));
    }

    /** A convert-like paid call whose answers and evidence the test scripts; it counts the sends that went out. */
    private static final class Scripted implements PaidCall<String> {
        private final String token;
        private final Deque<Outcome<String>> answers = new ArrayDeque<>();
        private final Deque<Evidence> evidence = new ArrayDeque<>();
        int sends;

        Scripted() {
            this("token-a");
        }

        Scripted(String token) {
            this.token = token;
        }

        @SafeVarargs
        final Scripted answers(Outcome<String>... outcomes) {
            answers.addAll(java.util.List.of(outcomes));
            return this;
        }

        Scripted sees(Evidence... looks) {
            evidence.addAll(java.util.List.of(looks));
            return this;
        }

        @Override
        public PaidCallKind kind() {
            return PaidCallKind.CONVERT;
        }

        @Override
        public String token(StepContext context) {
            return token;
        }

        @Override
        public String subject(Run run, StepContext context) {
            return run.leadId();
        }

        @Override
        public Outcome<String> send(Run run, StepContext context, BooleanSupplier intent) {
            if (!intent.getAsBoolean()) {
                return Outcome.failure(UpstreamError.of(UpstreamErrorKind.THROTTLED, 0, null, "held back")
                        .notSent());
            }
            sends++;
            return answers.removeFirst();
        }

        @Override
        public String idOf(String answer) {
            return answer;
        }

        @Override
        public boolean provesEarlierCharge(UpstreamError refusal) {
            return refusal.kind() == UpstreamErrorKind.ALREADY_CONVERTED;
        }

        @Override
        public Evidence look(Run run, StepContext context, Look look) {
            return evidence.isEmpty() ? new Evidence.NotDone("nothing scripted", true) : evidence.removeFirst();
        }

        @Override
        public Transition done(Run run, Progress.Done<String> done, Decisions decisions) {
            return Transition.exit(Exit.DONE, decisions.now(), "done", done.id());
        }

        @Override
        public String unconfirmedCode() {
            return "TEST_UNCONFIRMED";
        }
    }

    @SuppressWarnings("unused")
    private static Instant never() {
        return Instant.MAX;
    }
}
