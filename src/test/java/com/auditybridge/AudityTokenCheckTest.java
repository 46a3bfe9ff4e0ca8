package com.auditybridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A bridge without an Audity token starts only when the simulator is asked for by name. */
class AudityTokenCheckTest {
    private static final String[] NO_ARGS = {};

    @Test
    void withNeitherATokenNorTheSimulatorItDoesNotStart() {
        assertThat(AudityTokenCheck.canStart(Map.of(), new Properties(), NO_ARGS))
                .isFalse();
        assertThat(AudityTokenCheck.canStart(
                        Map.of("AUDITY_TOKEN", "  ", "BRIDGE_SIMULATOR", "false"), new Properties(), NO_ARGS))
                .isFalse();
        assertThat(AudityTokenCheck.WHY).contains("AUDITY_TOKEN", "BRIDGE_SIMULATOR=true");
    }

    @Test
    void aTokenFromTheEnvironmentASystemPropertyOrAnArgumentIsEnough() {
        assertThat(AudityTokenCheck.canStart(Map.of("AUDITY_TOKEN", "aky_x"), new Properties(), NO_ARGS))
                .isTrue();
        Properties property = new Properties();
        property.setProperty("audity.token", "aky_x");
        assertThat(AudityTokenCheck.canStart(Map.of(), property, NO_ARGS)).isTrue();
        assertThat(AudityTokenCheck.canStart(Map.of(), new Properties(), new String[] {"--audity.token=aky_x"}))
                .isTrue();
    }

    @Test
    void theSimulatorIsAskedForByOneName() {
        assertThat(AudityTokenCheck.canStart(Map.of("BRIDGE_SIMULATOR", "true"), new Properties(), NO_ARGS))
                .isTrue();
        Properties property = new Properties();
        property.setProperty("bridge.simulator", "true");
        assertThat(AudityTokenCheck.canStart(Map.of(), property, NO_ARGS)).isTrue();
    }
}
