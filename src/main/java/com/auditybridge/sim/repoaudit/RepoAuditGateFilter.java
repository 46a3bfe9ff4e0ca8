package com.auditybridge.sim.repoaudit;

import com.auditybridge.sim.Resettable;
import com.auditybridge.sim.SimGate;
import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import com.auditybridge.sim.SlidingWindow;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Faults and the per-caller, per-endpoint minute limits of repo-audit. */
@Filter("/sim/repo-audit/**")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class RepoAuditGateFilter implements HttpServerFilter, Resettable {
    private final SimGate gate;
    private final RepoAuditState state;
    private final RepoAuditConfig config;
    private final Map<String, SlidingWindow> windows = new ConcurrentHashMap<>();

    RepoAuditGateFilter(SimGate gate, RepoAuditState state, RepoAuditConfig config) {
        this.gate = gate;
        this.state = state;
        this.config = config;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return gate.guard("repoAudit", "rate limit exceeded", request, () -> {
            String endpoint = endpoint(request);
            SlidingWindow window = windows.computeIfAbsent(
                    Caller.of(request).key() + "|" + endpoint, key -> new SlidingWindow(Duration.ofMinutes(1)));
            long retryAfter = window.tryAcquire(state.clock.instant(), limit(endpoint));
            return retryAfter > 0
                    ? Mono.just(SimResponses.tooManyRequests("rate limit exceeded", retryAfter))
                    : chain.proceed(request);
        });
    }

    private static String endpoint(HttpRequest<?> request) {
        String path = request.getPath();
        if (request.getMethod() == HttpMethod.POST) {
            return "submit";
        }
        if (request.getMethod() == HttpMethod.DELETE || path.endsWith("/history")) {
            return "history";
        }
        return path.endsWith("/quota") ? "quota" : "status";
    }

    private int limit(String endpoint) {
        return switch (endpoint) {
            case "submit" -> config.submitsPerMinute();
            case "history" -> config.historyPerMinute();
            case "quota" -> config.quotaPerMinute();
            default -> config.statusPerMinute();
        };
    }

    @Override
    public void reset() {
        windows.clear();
    }
}
