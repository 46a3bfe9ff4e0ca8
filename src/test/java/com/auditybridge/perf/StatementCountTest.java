package com.auditybridge.perf;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import com.auditybridge.testing.StatementCounter;
import com.auditybridge.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one hook and one step cost the database, counted at the pool (statements executed, commits), so that the cost
 * of the hot paths cannot grow unseen. Under {@code -Ppostgres} the budgets (the inbound rate, the upstream buckets)
 * are rows in the database and add their statements; on H2 they are in memory.
 */
@MicronautTest(environments = "sim", transactional = false)
class StatementCountTest extends BridgeTestBase {
    private static final Logger LOG = LoggerFactory.getLogger(StatementCountTest.class);

    /**
     * One lead-arrived 202: the run inserted unless its lead has one (one statement tells), its timeline row, its task
     * scheduled (the priority drawn, the insert), one commit. On Postgres the connection's inbound rate is a bucket
     * row: one more short transaction (set local, select for update, update), shared by the hooks that arrive while
     * one is at the database. (It was 6 statements on H2 and 9 on Postgres before the run's insert told a known lead
     * and a new run's task was inserted without a look for an existing one.)
     */
    static final Cost HOOK_ON_H2 = new Cost(4, 1);

    static final Cost HOOK_ON_POSTGRES = new Cost(7, 2);

    /**
     * Each step's first execution (the trigger's is refused while the prerequisites are missing; the poll's finds the
     * job running) once its buckets and lanes exist (the manual scheduler: fetch due, pick, look up the instance,
     * reschedule), the step's own reads and writes, and on Postgres its upstream budget check (3 statements, 1 commit).
     * Only a poll, and a trigger that starts a job, read whether the connection sees Audity's webhooks (1 statement, 1
     * commit). A convert also takes itself out of its token's line, and its settle locks the token's lane and looks
     * for the next run waiting in line (3 statements). (It was 23/10 for convert, 14/8 for trigger, 9/5 for wait-prereqs and 9/5 for poll on H2, and 26/11,
     * 17/9, 12/6 and 12/6 on Postgres, before that read was left to the decisions that use it, and before the ids a step
     * learned went into its state's update and the run it left was built instead of read again for its events.)
     */
    static final Map<String, Cost> STEPS_ON_H2 = Map.of(
            "convert", new Cost(23, 9),
            "trigger", new Cost(13, 7),
            "wait-prereqs", new Cost(8, 4),
            "poll", new Cost(9, 5));

    static final Map<String, Cost> STEPS_ON_POSTGRES = Map.of(
            "convert", new Cost(26, 10),
            "trigger", new Cost(16, 8),
            "wait-prereqs", new Cost(11, 5),
            "poll", new Cost(12, 6));

    @Inject
    StatementCounter counter;

    /** Statements executed and commits. */
    record Cost(int statements, int commits) {
        static Cost of(StatementCounter.Sent sent) {
            return new Cost(sent.count(), sent.commits());
        }

        void isAtMost(Cost most) {
            assertThat(statements).as("statements").isLessThanOrEqualTo(most.statements);
            assertThat(commits).as("commits").isLessThanOrEqualTo(most.commits);
        }
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.count-statements", "true");
    }

    @Test
    void aDurableLeadArrivedAnswerCostsNoMoreStatementsAndCommitsThanItDoesToday() {
        leadArrived(newLead(), ""); // the first one also creates the connection's inbound bucket
        String lead = newLead();
        AtomicReference<Reply> answer = new AtomicReference<>();

        StatementCounter.Sent sent =
                counter.during(() -> answer.set(hook("lead-arrived", "{\"leadId\":\"" + lead + "\"}")));

        assertThat(answer.get().status()).isEqualTo(202);
        LOG.info("one durable lead-arrived 202 on {}: {}", dbName(), sent);
        assertThat(Cost.of(sent))
                .as("a durable 202 on %s: %s", dbName(), sent)
                .satisfies(cost -> cost.isAtMost(TestDatabase.postgres() ? HOOK_ON_POSTGRES : HOOK_ON_H2));
    }

    @Test
    void eachStepOfALeadToAuditRunCostsNoMoreStatementsAndCommitsThanItDoesToday() {
        driveToEnd(leadArrived(newLead(), ""), Duration.ofSeconds(5), 40); // its buckets and lanes now exist
        String runId = leadArrived(newLead(), "");
        Map<String, StatementCounter.Sent> steps = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (int round = 0; round < 40 && !run(runId).text("status").matches("completed|failed"); round++) {
            String step = run(runId).text("step");
            long rowsBefore = timelineRows(runId);
            StatementCounter.Sent sent = counter.during(scheduler::runAnyDueExecutions);
            if (timelineRows(runId) > rowsBefore) {
                steps.putIfAbsent(step, sent);
                order.add(step);
            }
            clock.advance(Duration.ofSeconds(5));
        }
        steps.forEach((step, sent) -> LOG.info("step {} on {}: {}", step, dbName(), sent));
        LOG.info("steps in order: {}", order);
        assertThat(run(runId).text("status")).isEqualTo("completed");
        Map<String, Cost> expected = TestDatabase.postgres() ? STEPS_ON_POSTGRES : STEPS_ON_H2;
        assertThat(steps).containsOnlyKeys(expected.keySet());
        steps.forEach((step, sent) -> assertThat(Cost.of(sent))
                .as("step %s on %s: %s", step, dbName(), sent)
                .satisfies(cost -> cost.isAtMost(expected.get(step))));
    }

    private long timelineRows(String runId) {
        return count("select count(*) from run_event where run_id = ?", runId);
    }

    private static String dbName() {
        return TestDatabase.postgres() ? "Postgres" : "H2";
    }
}
