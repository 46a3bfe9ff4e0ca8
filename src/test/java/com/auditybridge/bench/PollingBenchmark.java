package com.auditybridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Polling efficiency in SIMULATED time (mutable clock, manual scheduler, 1 s ticks): {@code bench.jobs}
 * (500) analysis jobs whose processing lasts 60–300 s, polled under the real 120 polls/min budget of one
 * token, first by the bridge (its adaptive pacing, its lane), then by a naive poller that GETs each job
 * every 10 s against the same simulator and token. Reads and writes limits are raised on both sides so
 * that only polling is constrained. Not part of the suite: {@code -Dtest=PollingBenchmark}.
 */
@MicronautTest(environments = "sim", transactional = false)
class PollingBenchmark extends BridgeTestBase {
    static final int JOBS = Integer.getInteger("bench.jobs", 500);
    static final Duration TICK = Duration.ofSeconds(1);
    static final String JOB_ROUTE = "/sim/audity/api/agent/jobs/";

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("sim.audity.job-processing", "60s");
        p.put("sim.audity.job-processing-max", "300s");
        p.put("sim.audity.credits", "100000000");
        p.put("sim.audity.analysis-budget-usd", "1000000");
        p.put("sim.audity.reads-per-minute", "1000000");
        p.put("sim.audity.writes-per-minute", "1000000");
        p.put("upstream.reads-per-minute", "1000000");
        p.put("upstream.writes-per-minute", "1000000");
        p.put("bridge.intake.requests-per-minute", "1000000");
        // polls: 120/min on both sides, the real budget
        return p;
    }

    @Test
    void bridgeVersusNaivePoller() {
        // --- the bridge: analysis-requested runs, all queued at the same instant
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            projects.add(projectFromConversion());
        }
        long limitedBefore = rateLimited();
        List<String> runs = new ArrayList<>();
        String inbox = "http://127.0.0.1:" + server.getPort() + "/sim/inbox";
        for (String project : projects) {
            Reply accepted =
                    hook("analysis-requested", "{\"projectId\":\"" + project + "\",\"callbackUrl\":\"" + inbox + "\"}");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            runs.add(accepted.text("runId"));
        }
        Instant start = clock.instant();
        int rounds = 0;
        while (count("select count(*) from run where status in ('completed','failed','cancelled')") < JOBS
                || count("select count(*) from delivery where final_callback and status = 'delivered'") < JOBS) {
            scheduler.runAnyDueExecutions();
            clock.advance(TICK);
            if (++rounds > 6 * 3600) {
                throw new AssertionError("bridge runs did not end in 6 simulated hours");
            }
        }
        Instant bridgeEnd = clock.instant();
        long bridgeLimited = rateLimited() - limitedBefore;
        long bridgePolls = polls();
        assertThat(count("select count(*) from run where status = 'completed'")).isEqualTo(JOBS);
        List<String> jobIds = new ArrayList<>();
        List<Instant> finals = new ArrayList<>();
        List<Instant> delivered = new ArrayList<>();
        for (String runId : runs) {
            jobIds.add(run(runId).text("result.jobId"));
            finals.add(at("select max(created_at) from event where run_id = ?", runId));
            delivered.add(at("select delivered_at from delivery where run_id = ? and final_callback", runId));
        }
        List<Instant> completed = completedAt(jobIds);
        List<Long> bridgeDelays = new ArrayList<>();
        List<Long> deliveryDelays = new ArrayList<>();
        List<Long> eventToDelivery = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            bridgeDelays.add(Duration.between(completed.get(i), finals.get(i)).toMillis());
            deliveryDelays.add(
                    Duration.between(completed.get(i), delivered.get(i)).toMillis());
            eventToDelivery.add(
                    Duration.between(finals.get(i), delivered.get(i)).toMillis());
        }

        // --- the naive poller: new jobs started directly on the simulator, each polled every 10 s
        clock.advance(Duration.ofHours(1));
        List<String> naiveJobs = new ArrayList<>();
        for (String project : projects) {
            Reply started = audity(
                    HttpRequest.POST("/sim/audity/api/agent/projects/" + project + "/audit-analysis/async", ""),
                    BRIDGE_TOKEN);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            naiveJobs.add(started.text("data.jobId"));
        }
        Instant naiveStart = clock.instant();
        long naivePolls = 0;
        long naiveLimited = 0;
        Map<String, Instant> next = new HashMap<>();
        Map<String, Instant> seen = new HashMap<>();
        Map<String, Instant> completedNaive = new HashMap<>();
        naiveJobs.forEach(id -> next.put(id, naiveStart.plusSeconds(10)));
        while (seen.size() < JOBS) {
            Instant now = clock.instant();
            for (String id : naiveJobs) {
                if (seen.containsKey(id) || now.isBefore(next.get(id))) {
                    continue;
                }
                Reply job = audity(HttpRequest.GET(JOB_ROUTE + id), BRIDGE_TOKEN);
                naivePolls++;
                if (job.status() == 429) {
                    naiveLimited++;
                } else if ("completed".equals(job.text("data.status"))) {
                    seen.put(id, now);
                    completedNaive.put(id, Instant.parse(job.text("data.completedAt")));
                    continue;
                }
                next.put(id, now.plusSeconds(10));
            }
            clock.advance(TICK);
            if (Duration.between(naiveStart, clock.instant()).toHours() > 6) {
                throw new AssertionError("naive poller did not see every job complete in 6 simulated hours");
            }
        }
        Instant naiveEnd = clock.instant();
        List<Long> naiveDelays = naiveJobs.stream()
                .map(id ->
                        Duration.between(completedNaive.get(id), seen.get(id)).toMillis())
                .toList();

        System.out.printf(
                "BENCH polling jobs=%d (processing 60-300 s, pending 2 s), polls budget 120/min, 1 s ticks, simulated time%n",
                JOBS);
        report("bridge", bridgePolls, bridgeLimited, bridgeDelays, Duration.between(start, bridgeEnd));
        report(
                "bridge-callback-delivered",
                bridgePolls,
                bridgeLimited,
                deliveryDelays,
                Duration.between(start, bridgeEnd));
        List<Long> sortedHop = eventToDelivery.stream().sorted().toList();
        System.out.printf(
                "BENCH bridge final-event-to-delivered p50=%.1fs p95=%.1fs max=%.1fs%n",
                pct(sortedHop, 0.5) / 1000.0, pct(sortedHop, 0.95) / 1000.0, sortedHop.get(JOBS - 1) / 1000.0);
        report("naive-10s", naivePolls, naiveLimited, naiveDelays, Duration.between(naiveStart, naiveEnd));
    }

    private void report(String who, long polls, long limited, List<Long> delaysMillis, Duration span) {
        List<Long> sorted = delaysMillis.stream().sorted().toList();
        System.out.printf(
                "BENCH %s polls=%d polls/job=%.1f 429s=%d delay p50=%.1fs p95=%.1fs max=%.1fs all-done-after=%ds%n",
                who,
                polls,
                (double) polls / JOBS,
                limited,
                pct(sorted, 0.50) / 1000.0,
                pct(sorted, 0.95) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0,
                span.toSeconds());
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    /** One timestamp of the run: its final event (committed with its outcome) or its callback's delivery. */
    private Instant at(String sql, String runId) {
        return connections.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement(sql)) {
                statement.setString(1, runId);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Each job's completedAt, read after the fact in batches that stay inside the poll budget. */
    private List<Instant> completedAt(List<String> jobIds) {
        List<Instant> at = new ArrayList<>();
        for (int i = 0; i < jobIds.size(); i++) {
            if (i % 100 == 0) {
                clock.advance(Duration.ofMinutes(2));
            }
            Reply job = audity(HttpRequest.GET(JOB_ROUTE + jobIds.get(i)), BRIDGE_TOKEN);
            assertThat(job.status()).as(job.body()).isEqualTo(200);
            at.add(Instant.parse(job.text("data.completedAt")));
        }
        return at;
    }

    private long rateLimited() {
        Object value = simCounters().at("rateLimited.audity");
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Job polls the simulator answered so far (any outcome). */
    @SuppressWarnings("unchecked")
    private long polls() {
        Map<String, Object> calls = (Map<String, Object>) simCounters().at("calls");
        return calls.entrySet().stream()
                .filter(e -> e.getKey().contains("jobs"))
                .flatMap(e -> ((Map<String, Object>) e.getValue()).values().stream())
                .mapToLong(v -> ((Number) v).longValue())
                .sum();
    }

    private Reply simCounters() {
        return admin(HttpRequest.GET("/sim/admin/counters"));
    }
}
