package com.auditybridge.run.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.auditybridge.testing.PostgresOnly;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three replicas on one Postgres schema spend one token's write budget together: the simulator, counting by its own
 * clock, never sees more than the limit in a minute nor answers 429, and the replicas spend it at its pace, whichever
 * of them claims the work.
 */
@PostgresOnly
class ReplicasShareOneBudgetTest {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicasShareOneBudgetTest.class);
    private static final int WRITES_PER_MINUTE = 12;

    @Test
    void threeReplicasGivenAllTheWorkThroughOneOfThemSpendOneWriteBudgetAtItsPaceAndNeverMore() {
        Map<String, Object> simulator = Map.of("sim.audity.writes-per-minute", WRITES_PER_MINUTE);
        Map<String, Object> replica =
                Map.of("upstream.writes-per-minute", WRITES_PER_MINUTE, "bridge.paid-calls.lane-recheck", "200ms");
        try (Cluster cluster = new Cluster(3, simulator, replica)) {
            long start = System.nanoTime();
            for (int i = 0; i < 12; i++) {
                cluster.replicas.get(0).leadArrived(cluster.simulator.newLead("Company " + i));
            }

            // A bucket of 1 refilling 11 a minute (and half a second): the 7th write after about 33 s, the 9th not
            // before 44 s (and steps come a little late for their token: a bucket of 1 keeps no spare). Replicas each
            // spending a budget of their own would be three times as fast.
            await().atMost(Duration.ofSeconds(55))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() ->
                            assertThat(writes(cluster)).as(cluster.summary()).isGreaterThanOrEqualTo(7));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(50));
            assertThat(writes(cluster)).isLessThanOrEqualTo(8);
            LOG.info(
                    "writes {} in {} by {}; simulator peak {} a minute, 429s {}",
                    writes(cluster),
                    took,
                    cluster.replicas,
                    cluster.simulator.peak("writes"),
                    cluster.simulator.rateLimited());
            assertThat(cluster.simulator.peak("writes")).isLessThanOrEqualTo(WRITES_PER_MINUTE);
            assertThat(cluster.simulator.rateLimited()).isZero();
        }
    }

    @Test
    void aConnectionsInboundRateHoldsInTotalAcrossThreeReplicas() {
        // 30 a minute: a bucket of 3 refilling 27 a minute (and the margin), one for the connection on all replicas.
        Map<String, Object> replica = Map.of("bridge.intake.requests-per-minute", 30);
        try (Cluster cluster = new Cluster(3, Map.of(), replica)) {
            long start = System.nanoTime();
            int accepted = 0;
            for (int i = 0; i < 30; i++) {
                int status = cluster.replicaFor(i).leadArrivedStatus("lead-" + i);
                assertThat(status).isIn(202, 429);
                accepted += status == 202 ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            // What one shared bucket lets through in that time: its 3, and 27 a minute since. Three buckets of their
            // own would let 9 through at once.
            long shared = 3 + (long) Math.ceil(seconds * 27 / 60);
            LOG.info("inbound: {} of 30 hooks accepted in {} s by 3 replicas at 30 a minute", accepted, seconds);
            assertThat(accepted).isBetween(3, (int) shared);
            assertThat(shared)
                    .as("the hooks were sent fast enough to tell one bucket from three")
                    .isLessThan(9);
        }
    }

    private static long writes(Cluster cluster) {
        return cluster.replicas.stream()
                .mapToLong(r -> r.upstreamCalls().getOrDefault("AUDITY_WRITE", 0L))
                .sum();
    }
}
