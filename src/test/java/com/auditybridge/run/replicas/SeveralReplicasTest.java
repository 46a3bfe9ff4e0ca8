package com.auditybridge.run.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.auditybridge.testing.PostgresOnly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three bridge replicas, each with its own started db-scheduler, share one Postgres schema and one simulator:
 * runs sent to any of them are executed by whichever replica claims each step, and still only once.
 */
@PostgresOnly
class SeveralReplicasTest {
    private static final Logger LOG = LoggerFactory.getLogger(SeveralReplicasTest.class);
    private static final int RUNS = 30;
    /** Credits for every conversion, and budgets high enough that the rate limits never hold this test back. */
    private static final Map<String, Object> ROOMY_SIMULATOR = Map.of(
            "sim.audity.credits",
            100_000,
            "sim.audity.writes-per-minute",
            1000,
            "sim.audity.reads-per-minute",
            1000,
            "sim.audity.polls-per-minute",
            1000);

    private static final Map<String, Object> ROOMY_REPLICA = Map.of(
            "upstream.writes-per-minute",
            1000,
            "upstream.reads-per-minute",
            1000,
            "upstream.polls-per-minute",
            1000,
            "bridge.paid-calls.lane-recheck",
            "200ms");

    @Test
    void thirtyRunsSpreadOverThreeReplicasExecuteEveryStepOnceAndConvertEveryLeadOnce() {
        try (Cluster cluster = new Cluster(3, ROOMY_SIMULATOR, ROOMY_REPLICA)) {
            List<String> leads = new ArrayList<>();
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                leads.add(cluster.simulator.newLead("Company " + i));
                runs.add(cluster.replicaFor(i).leadArrived(leads.get(i)));
            }

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(cluster.runsWithStatus("completed"))
                            .as(cluster.summary())
                            .isEqualTo(RUNS));

            Map<String, Map<String, Long>> outcomes = cluster.outcomesPerRun();
            assertThat(outcomes).containsOnlyKeys(runs);
            outcomes.forEach((run, counts) -> assertThat(counts)
                    .as("timeline of " + run)
                    .containsEntry("converted", 1L)
                    .containsEntry("triggered", 1L)
                    .containsEntry("completed", 1L));
            assertThat(cluster.simulator.conversions())
                    .containsOnlyKeys(leads)
                    .allSatisfy((lead, count) -> assertThat(count.longValue())
                            .as("conversions of " + lead)
                            .isEqualTo(1));
            long writes = cluster.replicas.stream()
                    .mapToLong(r -> r.upstreamCalls().getOrDefault("AUDITY_WRITE", 0L))
                    .sum();
            assertThat(writes).as("converts and triggers made by all replicas").isEqualTo(2L * RUNS);
            LOG.info("{} runs on {}", RUNS, cluster.replicas);
            assertThat(cluster.replicas)
                    .allSatisfy(replica -> assertThat(replica.upstreamCalls())
                            .as(replica.name())
                            .isNotEmpty());
        }
    }

    @Test
    void withoutTheirShareThreeReplicasTogetherSendOneTokenMoreWritesThanItsBudget() {
        try (Cluster cluster = new Cluster(3, TIGHT_SIMULATOR, tightReplica(1))) {
            sendLeads(cluster, 12);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(cluster.simulator.peak("writes"))
                            .as(cluster.summary())
                            .isGreaterThan(4));
            LOG.info(
                    "no share: peak writes {} in a minute for a budget of 4, 429s {}",
                    cluster.simulator.peak("writes"),
                    cluster.simulator.rateLimited());
            assertThat(cluster.simulator.rateLimited()).isPositive();
        }
    }

    @Test
    void withTheirShareThreeReplicasTogetherStayWithinOneTokensWriteBudget() {
        try (Cluster cluster = new Cluster(3, TIGHT_SIMULATOR, tightReplica(3))) {
            sendLeads(cluster, 12);

            // Whichever replica claims a run spends its own share: at least two of them convert at once.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> cluster.simulator.conversions().size() >= 2);
            await().during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> cluster.simulator.peak("writes") <= 3 && cluster.simulator.rateLimited() == 0);
            LOG.info(
                    "share of 1/3: peak writes {} in a minute for a budget of 4, 429s {}",
                    cluster.simulator.peak("writes"),
                    cluster.simulator.rateLimited());
        }
    }

    /** Writes limited to 4 a minute, at the simulator and in each replica's idea of the token's budget. */
    private static final Map<String, Object> TIGHT_SIMULATOR = Map.of("sim.audity.writes-per-minute", 4);

    private static Map<String, Object> tightReplica(int replicas) {
        // Conversions of one token go one at a time; a short re-check keeps them coming as fast as the budget allows.
        return Map.of(
                "upstream.writes-per-minute",
                4,
                "upstream.replicas",
                replicas,
                "bridge.paid-calls.lane-recheck",
                "200ms");
    }

    /** {@code count} lead-arrived hooks for fresh leads, spread over the replicas one after another. */
    private static void sendLeads(Cluster cluster, int count) {
        for (int i = 0; i < count; i++) {
            cluster.replicaFor(i).leadArrived(cluster.simulator.newLead("Company " + i));
        }
    }
}
