package com.auditybridge.sim;

import com.auditybridge.Application;
import com.auditybridge.testing.FreePort;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SimulatorActivationTest {

    @Test
    void theSimulatorStandsInOnlyWhenNoAudityTokenIsSet() {
        assertThat(SimulatorActivation.shouldActivate(null)).isTrue();
        assertThat(SimulatorActivation.shouldActivate("  ")).isTrue();
        assertThat(SimulatorActivation.shouldActivate("aky_real")).isFalse();
    }

    @Test
    void startingTheApplicationWithoutAudityTokenActivatesTheSimEnvironmentAndPointsTheBridgeAtIt() {
        String token = System.getenv("AUDITY_TOKEN");
        assumeTrue(token == null || token.isBlank(), "AUDITY_TOKEN is set in this environment");
        int port = FreePort.find();

        try (ApplicationContext context = Micronaut.build(new String[0]).mainClass(Application.class)
                .properties(Map.of("micronaut.server.port", port,
                        "datasources.default.url", "jdbc:h2:mem:activation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"))
                .start()) {
            assertThat(context.getEnvironment().getActiveNames()).contains("sim");
            assertThat(context.getProperty("audity.base-url", String.class))
                    .contains("http://127.0.0.1:" + port + "/sim/audity");
            assertThat(context.getProperty("repo-audit.base-url", String.class))
                    .contains("http://127.0.0.1:" + port + "/sim/repo-audit");
        }
    }
}
