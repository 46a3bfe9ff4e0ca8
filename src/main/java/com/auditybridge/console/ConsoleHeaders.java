package com.auditybridge.console;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The operator console's pages ({@code src/main/resources/console}, served at {@code /console/}) run only their own
 * files: scripts, styles and images from this origin, no inline script or style, no plugin, no frame around them, and
 * their calls go to this origin's API only. A payload that slipped into the page as markup could still run nothing.
 */
@ServerFilter({"/console", "/console/**"})
public class ConsoleHeaders {
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @ResponseFilter
    void secure(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        // A new version of the console is picked up at the next load: the browser asks again before using its copy.
        response.header("Cache-Control", "no-cache");
    }
}
