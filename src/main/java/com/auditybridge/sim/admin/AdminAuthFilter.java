package com.auditybridge.sim.admin;

import com.auditybridge.sim.SimConfig;
import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Guards {@code /sim/admin/**} with {@code X-Sim-Admin-Token}, compared in constant time. */
@Filter("/sim/admin/**")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class AdminAuthFilter implements HttpServerFilter {
    static final String HEADER = "X-Sim-Admin-Token";

    private final byte[] expected;

    AdminAuthFilter(SimConfig config) {
        this.expected = config.getAdminToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        byte[] given = request.getHeaders().get(HEADER, String.class).orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            return Mono.just(SimResponses.error(HttpStatus.UNAUTHORIZED, "Unauthorized"));
        }
        return chain.proceed(request);
    }
}
