package com.auditybridge;

import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * The first thing {@code main} does: a bridge asked to run without an Audity token and without the simulator stops
 * with one line instead of a stack trace. Only the usual places are read here (the environment, system properties,
 * command-line arguments); when configuration files are named, the context's own check decides
 * ({@link AudityTokenRequired}), so a token given there is honoured too.
 */
final class AudityTokenCheck {
    static final String WHY = "No Audity token: set AUDITY_TOKEN (audity.token) to the default connection's token,"
            + " or BRIDGE_SIMULATOR=true to run against the embedded simulator (demo and tests only).";

    private AudityTokenCheck() {}

    static boolean canStart(Map<String, String> env, Properties properties, String[] args) {
        return isTrue(env.get("BRIDGE_SIMULATOR"))
                || isTrue(properties.getProperty("bridge.simulator"))
                || present(env.get("AUDITY_TOKEN"))
                || present(properties.getProperty("audity.token"))
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--audity.token=") && present(a.substring(15)))
                || present(env.get("MICRONAUT_CONFIG_FILES"))
                || present(properties.getProperty("micronaut.config.files"));
    }

    private static boolean isTrue(String value) {
        return value != null && "true".equalsIgnoreCase(value.trim());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
