package com.auditybridge.sim;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

/**
 * Turns on the {@code sim} environment when no real Audity token is configured, so a newcomer who
 * starts the service with no settings sees the whole flow against the embedded simulators.
 */
@ContextConfigurer
public class SimulatorActivation implements ApplicationContextConfigurer {

    public static final String ENVIRONMENT = "sim";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (shouldActivate(System.getenv("AUDITY_TOKEN"))) {
            builder.environments(ENVIRONMENT);
        }
    }

    /** The simulator stands in only when the operator has not pointed the bridge at the real API. */
    public static boolean shouldActivate(String audityToken) {
        return audityToken == null || audityToken.isBlank();
    }
}
