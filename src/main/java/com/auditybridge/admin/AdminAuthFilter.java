package com.auditybridge.admin;

import com.auditybridge.connection.ConnectionSettings;
import com.auditybridge.connection.Digests;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemHandlers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Guards {@code /v1/admin/**} with {@code Authorization: Bearer <BRIDGE_ADMIN_TOKEN>}, compared in constant
 * time (401 otherwise). Without an admin token configured the admin API does not exist: 404 for everything.
 */
@Filter("/v1/admin/**")
public class AdminAuthFilter implements HttpServerFilter {
    private final String adminToken;

    public AdminAuthFilter(ConnectionSettings settings) {
        this.adminToken =
                settings.adminToken() == null || settings.adminToken().isBlank() ? null : settings.adminToken();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (adminToken == null) {
            return Mono.just(ProblemHandlers.respond(Problem.of(
                    404, "NOT_FOUND", "Not found", "The admin API is off: no BRIDGE_ADMIN_TOKEN is configured.")));
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        if (!Digests.sameSecret(adminToken, presented)) {
            return Mono.just(ProblemHandlers.respond(Problem.of(
                    401,
                    "UNAUTHORIZED",
                    "Missing or invalid admin token",
                    "Send the admin token as 'Authorization: Bearer <BRIDGE_ADMIN_TOKEN>'.")));
        }
        return chain.proceed(request);
    }
}
