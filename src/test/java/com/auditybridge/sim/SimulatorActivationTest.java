package com.auditybridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auditybridge.Application;
import com.auditybridge.testing.FreePort;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator runs only when asked for by name; without it and without a token the bridge does not start. */
class SimulatorActivationTest {

    @Test
    void theSimulatorIsAskedForByOneNameAndNeverByAMissingToken() {
        assertThat(SimulatorActivation.requested(null, null)).isFalse();
        assertThat(SimulatorActivation.requested("false", " ")).isFalse();
        assertThat(SimulatorActivation.requested("true", null)).isTrue();
        assertThat(SimulatorActivation.requested(null, "TRUE")).isTrue();
    }

    @Test
    void withTheOptInTheApplicationServesTheSimulatorAndPointsTheBridgeAtIt() {
        int port = FreePort.find();
        String before = System.setProperty("bridge.simulator", "true");
        try (ApplicationContext context = Micronaut.build(new String[0])
                .mainClass(Application.class)
                .properties(Map.of(
                        "micronaut.server.port",
                        port,
                        "datasources.default.url",
                        "jdbc:h2:mem:activation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"))
                .start()) {
            assertThat(context.getEnvironment().getActiveNames()).contains("sim");
            assertThat(context.getProperty("audity.base-url", String.class))
                    .contains("http://127.0.0.1:" + port + "/sim/audity");
            assertThat(context.getProperty("repo-audit.base-url", String.class))
                    .contains("http://127.0.0.1:" + port + "/sim/repo-audit");
        } finally {
            restore(before);
        }
    }

    @Test
    void withoutTheOptInAndWithoutATokenTheContextRefusesToStartNamingBoth() {
        String before = System.clearProperty("bridge.simulator");
        try {
            assertThatThrownBy(() -> ApplicationContext.builder()
                            .environments("test")
                            .properties(Map.of(
                                    "micronaut.server.port",
                                    FreePort.find(),
                                    "audity.token",
                                    "",
                                    "datasources.default.url",
                                    "jdbc:h2:mem:failclosed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"))
                            .start()
                            .close())
                    .hasStackTraceContaining("AUDITY_TOKEN")
                    .hasStackTraceContaining("BRIDGE_SIMULATOR=true");
        } finally {
            restore(before);
        }
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty("bridge.simulator");
        } else {
            System.setProperty("bridge.simulator", value);
        }
    }
}
