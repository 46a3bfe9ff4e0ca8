package com.auditybridge;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;

/**
 * Production never falls back to the simulator: a context started without an Audity token for its default
 * connection, and without asking for the simulator, refuses to start ({@link AudityTokenCheck} says why in one line
 * before the context starts, from the usual places; this check covers tokens given in configuration files).
 */
@Context
@Requires(notEnv = "sim")
class AudityTokenRequired {
    AudityTokenRequired(@Value("${audity.token:}") String token) {
        if (token == null || token.isBlank()) {
            throw new MissingAudityToken();
        }
    }

    /** Thrown at start-up when no token reached the configuration (the application's main checks the usual places first). */
    public static final class MissingAudityToken extends RuntimeException {
        MissingAudityToken() {
            super(AudityTokenCheck.WHY, null, false, false);
        }
    }
}
