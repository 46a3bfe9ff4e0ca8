package com.auditybridge.sim;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.netty.NettyHttpRequest;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The part of every simulated call that does not depend on the API: injected faults, added latency
 * (a non-blocking timer, never a sleeping event loop) and the per-route counters.
 */
@Singleton
@Requires(env = SimulatorActivation.ENVIRONMENT)
public class SimGate {
    private static final HttpStatus[] SERVER_ERRORS = {
        HttpStatus.INTERNAL_SERVER_ERROR, HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE
    };

    private static final String RESET = "sim.reset";
    private static final String LOST = "sim.lost";

    private final Faults faults;
    private final SimCounters counters;

    SimGate(Faults faults, SimCounters counters) {
        this.faults = faults;
        this.counters = counters;
    }

    /**
     * @param api            counter label of the API ({@code audity} or {@code repoAudit})
     * @param rateLimitText  the API's own 429 message, used by the rate-limit storm
     */
    public Publisher<MutableHttpResponse<?>> guard(
            String api,
            String rateLimitText,
            HttpRequest<?> request,
            Supplier<Publisher<MutableHttpResponse<?>>> next) {
        String route = route(request);
        FaultSettings settings = faults.settings();
        Mono<MutableHttpResponse<?>> answer = Mono.defer(() -> {
                    if (faults.roll(settings.resetRate())) {
                        return Mono.just(closeConnection(request));
                    }
                    if (settings.rateLimitStorm()) {
                        return Mono.just(SimResponses.tooManyRequests(rateLimitText, 1));
                    }
                    if (faults.roll(settings.errorRate())) {
                        HttpStatus status = SERVER_ERRORS[faults.pick(SERVER_ERRORS.length)];
                        return Mono.just(SimResponses.error(status, status.getReason()));
                    }
                    return Mono.from(next.get())
                            .map(response ->
                                    response.getAttribute(LOST).isPresent() ? closeConnection(request) : response);
                })
                .doOnNext(response -> record(api, route, response));
        return delayed(answer, settings.latencyMs());
    }

    public static Mono<MutableHttpResponse<?>> delayed(Mono<MutableHttpResponse<?>> answer, long millis) {
        return millis > 0 ? Mono.delay(Duration.ofMillis(millis)).then(answer) : answer;
    }

    /** Drops the connection without an answer; the returned response can no longer reach the caller. */
    public static MutableHttpResponse<?> closeConnection(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty) {
            netty.getChannelHandlerContext().channel().close();
        }
        return SimResponses.error(HttpStatus.INTERNAL_SERVER_ERROR, "connection reset")
                .attribute(RESET, true);
    }

    /** Marks a committed answer to be lost: the gate closes the connection instead of sending it. */
    public static MutableHttpResponse<?> loseAnswer(MutableHttpResponse<?> response) {
        return response.attribute(LOST, true);
    }

    public static String route(HttpRequest<?> request) {
        String template = BasicHttpAttributes.getUriTemplate(request).orElse(request.getPath());
        return request.getMethodName() + " " + template;
    }

    private void record(String api, String route, MutableHttpResponse<?> response) {
        if (response.getAttribute(RESET).isPresent()) {
            counters.call(route, "reset");
            return;
        }
        counters.call(route, Integer.toString(response.code()));
        if (response.code() == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
            counters.rateLimited(api);
        }
    }
}
