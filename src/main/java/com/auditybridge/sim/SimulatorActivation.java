package com.auditybridge.sim;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

/**
 * Turns on the {@code sim} environment, and with it the embedded simulators and their demo settings, only when
 * asked by name: {@code BRIDGE_SIMULATOR=true} in the environment or {@code -Dbridge.simulator=true}. A missing
 * Audity token never turns it on: production fails closed (the bridge then refuses to start, see
 * {@code AudityTokenRequired}).
 */
@ContextConfigurer
public class SimulatorActivation implements ApplicationContextConfigurer {

    public static final String ENVIRONMENT = "sim";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (requested(System.getenv("BRIDGE_SIMULATOR"), System.getProperty("bridge.simulator"))) {
            builder.environments(ENVIRONMENT);
        }
    }

    /** True when the environment variable or the system property says {@code true}. */
    public static boolean requested(String environmentVariable, String systemProperty) {
        return isTrue(environmentVariable) || isTrue(systemProperty);
    }

    private static boolean isTrue(String value) {
        return value != null && "true".equalsIgnoreCase(value.trim());
    }
}
