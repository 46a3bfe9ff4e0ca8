package com.auditybridge.leadsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.connection.Connection;
import com.auditybridge.connection.Connections;
import com.auditybridge.testing.BridgeProcess;
import com.auditybridge.testing.BridgeTestBase;
import com.auditybridge.testing.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sync's memory is the database: a restarted bridge neither announces nor converts a lead again. */
@MicronautTest(environments = "sim", transactional = false)
class LeadSyncRestartTest extends BridgeTestBase {
    @Inject
    EmbeddedServer simulator;

    private BridgeProcess startBridge(TestDatabase database) {
        return BridgeProcess.start(
                database, "http://127.0.0.1:" + simulator.getPort(), BRIDGE_TOKEN, API_KEY, clock.instant());
    }

    private static SyncReport sync(BridgeProcess bridge) {
        Connection connection =
                bridge.bean(Connections.class).byId(Connection.DEFAULT_ID).orElseThrow();
        return bridge.bean(LeadSync.class).sync(connection, false);
    }

    @Test
    void aRestartedBridgeNeitherAnnouncesNorConvertsALeadTwice() {
        try (TestDatabase database = TestDatabase.onDisk(Path.of("target", "lead-sync-restart-" + UUID.randomUUID()))) {
            syncRestartAndSyncAgain(database);
        }
    }

    private void syncRestartAndSyncAgain(TestDatabase database) {
        List<String> started;
        try (BridgeProcess first = startBridge(database)) {
            SyncReport report = sync(first);
            assertThat(report.arrived()).isNotEmpty();
            assertThat(report.converted()).isNotEmpty();
            started = report.converted().stream()
                    .map(SyncReport.Conversion::leadId)
                    .toList();
        }

        try (BridgeProcess second = startBridge(database)) {
            second.clock().set(clock.advance(Duration.ofMinutes(1)));
            SyncReport again = sync(second);

            assertThat(again.arrived()).isEmpty();
            assertThat(again.converted()).isEmpty();
            for (int round = 0; round < 120; round++) {
                second.scheduler().runAnyDueExecutions();
                second.clock().set(clock.advance(Duration.ofSeconds(2)));
            }
        }
        started.forEach(lead ->
                assertThat(conversionsOf(lead)).as("conversions of " + lead).isEqualTo(1));
    }
}
