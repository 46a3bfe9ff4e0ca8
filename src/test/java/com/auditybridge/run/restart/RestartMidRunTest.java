package com.auditybridge.run.restart;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.connection.Digests;
import com.auditybridge.run.Run;
import com.auditybridge.run.paid.PaidCallKind;
import com.auditybridge.run.paid.PaidCalls;
import com.auditybridge.testing.BridgeProcess;
import com.auditybridge.testing.BridgeTestBase;
import com.auditybridge.testing.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The bridge dies with runs in the middle and a second one starts on the same database (an H2 file, or a Postgres schema). The simulator
 * is this test's own application context, which outlives both bridge contexts; their clocks move with its.
 */
@MicronautTest(environments = "sim", transactional = false)
class RestartMidRunTest extends BridgeTestBase {
    private static final Duration TICK = Duration.ofSeconds(1);

    @Inject
    EmbeddedServer simulator;

    @Test
    void runsCaughtAfterConversionDuringPollingAndWithAConvertSentButUnansweredAllFinishAfterARestart() {
        try (TestDatabase database = TestDatabase.onDisk(Path.of("target", "restart-" + UUID.randomUUID()))) {
            restartMidRun(database);
        }
    }

    private void restartMidRun(TestDatabase database) {
        List<String> leads = List.of(newLead(), newLead(), newLead());
        Map<String, String> runs;
        try (BridgeProcess first = startBridge(database)) {
            String converted = first.hook("lead-arrived", leadArrived(leads.get(0)), API_KEY);
            stepUntil(first, converted, step -> !"convert".equals(step));
            String polling = first.hook("lead-arrived", leadArrived(leads.get(1)), API_KEY);
            stepUntil(first, polling, "poll"::equals);
            // The intent is committed and the convert reaches Audity, then the bridge dies before the answer is stored.
            String paidThenCrashed = first.hook("lead-arrived", leadArrived(leads.get(2)), API_KEY);
            Run sent = first.run(paidThenCrashed);
            assertThat(first.bean(PaidCalls.class)
                            .recordIntent(
                                    sent,
                                    PaidCallKind.CONVERT,
                                    Digests.fingerprint(BRIDGE_TOKEN),
                                    leads.get(2),
                                    Long.MAX_VALUE,
                                    clock.instant(),
                                    clock.instant().minus(Duration.ofMinutes(3))))
                    .isTrue();
            convertInSimulator(leads.get(2));
            runs = Map.of(converted, leads.get(0), polling, leads.get(1), paidThenCrashed, leads.get(2));
        }

        try (BridgeProcess second = startBridge(database)) {
            for (int round = 0;
                    round < 300
                            && !runs.keySet().stream()
                                    .allMatch(id -> second.run(id).status().terminal());
                    round++) {
                second.scheduler().runAnyDueExecutions();
                tick(second);
            }
            runs.forEach((runId, lead) -> {
                assertThat(second.run(runId).status().wireName())
                        .as(second.run(runId).toString())
                        .isEqualTo("completed");
                assertThat(conversionsOf(lead)).as("conversions of " + lead).isEqualTo(1);
            });
        }
    }

    private BridgeProcess startBridge(TestDatabase database) {
        return BridgeProcess.start(
                database, "http://127.0.0.1:" + simulator.getPort(), BRIDGE_TOKEN, API_KEY, clock.instant());
    }

    private static String leadArrived(String lead) {
        return "{\"leadId\":\"" + lead + "\"}";
    }

    private void stepUntil(BridgeProcess bridge, String runId, Predicate<String> reached) {
        for (int round = 0; round < 60 && !reached.test(bridge.run(runId).step()); round++) {
            bridge.step(runId);
            tick(bridge);
        }
        assertThat(reached.test(bridge.run(runId).step()))
                .as(bridge.run(runId).toString())
                .isTrue();
    }

    /** Both clocks, the simulator's and the bridge's, move together. */
    private void tick(BridgeProcess bridge) {
        bridge.clock().set(clock.advance(TICK));
    }

    private void convertInSimulator(String lead) {
        Reply converted = audity(
                HttpRequest.POST("/sim/audity/api/lead-generation/leads/" + lead + "/convert", ""), BRIDGE_TOKEN);
        assertThat(converted.status()).isEqualTo(201);
    }
}
