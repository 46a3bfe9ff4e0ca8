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

    /** {@code count} lead-arrived hooks for fresh leads, spread over the replicas one after another. */
    private static void sendLeads(Cluster cluster, int count) {
        for (int i = 0; i < count; i++) {
            cluster.replicaFor(i).leadArrived(cluster.simulator.newLead("Company " + i));
        }
    }
}
