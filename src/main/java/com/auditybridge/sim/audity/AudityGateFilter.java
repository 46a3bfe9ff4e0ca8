package com.auditybridge.sim.audity;

import com.auditybridge.sim.Faults;
import com.auditybridge.sim.SimGate;
import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.time.Instant;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Audity's middleware, in its order: kill switch, token, rate limit, scope and tier for writes. Controllers
 * receive the resolved account as the request attribute {@link #ACCOUNT}.
 */
@Filter("/sim/audity/**")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class AudityGateFilter implements HttpServerFilter {
    static final String ACCOUNT = "sim.account";

    private final SimGate gate;
    private final AudityState state;
    private final AudityRateLimits limits;
    private final Faults faults;

    AudityGateFilter(SimGate gate, AudityState state, AudityRateLimits limits, Faults faults) {
        this.gate = gate;
        this.state = state;
        this.limits = limits;
        this.faults = faults;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return gate.guard("audity", "Rate limit exceeded", request, () -> admit(request, chain));
    }

    private Publisher<MutableHttpResponse<?>> admit(HttpRequest<?> request, ServerFilterChain chain) {
        AudityRateLimits.Kind kind = kindOf(request);
        String header = request.getHeaders().getAuthorization().orElse(null);
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
        Instant now = state.clock.instant();
        if (Tokens.wellFormed(token)) {
            limits.arrive(token, kind, now);
        }
        MutableHttpResponse<?> refusal = refusal(header, token, kind, now);
        if (refusal != null) {
            return Mono.just(refusal);
        }
        request.setAttribute(ACCOUNT, state.account(token));
        return Mono.from(chain.proceed(request)).flatMap(response -> hangIfAsked(request, response));
    }

    private MutableHttpResponse<?> refusal(String header, String token, AudityRateLimits.Kind kind, Instant now) {
        if (state.apiDisabled) {
            return SimResponses.error(HttpStatus.SERVICE_UNAVAILABLE, "Agent API is disabled", "PAT_DISABLED");
        }
        if (header == null || header.isBlank()) {
            return SimResponses.error(HttpStatus.UNAUTHORIZED, "Unauthorized");
        }
        if (!Tokens.wellFormed(token)) {
            return SimResponses.error(
                    HttpStatus.UNAUTHORIZED,
                    "Malformed personal access token: expected 'Bearer aky_' and 32 characters",
                    "PAT_MALFORMED");
        }
        Account account = state.account(token);
        if (account.revoked) {
            return SimResponses.error(HttpStatus.UNAUTHORIZED, "Unauthorized");
        }
        long retryAfter = limits.tryAcquire(token, kind, now);
        if (retryAfter > 0) {
            return SimResponses.tooManyRequests("Rate limit exceeded", retryAfter);
        }
        if (kind == AudityRateLimits.Kind.writes && !account.canWrite()) {
            return SimResponses.error(HttpStatus.FORBIDDEN, "Missing scope: write", "PAT_SCOPE_INSUFFICIENT");
        }
        if (kind == AudityRateLimits.Kind.writes && account.solo()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body(Map.of(
                            "error",
                            "Feature not available on your tier",
                            "currentTier",
                            "solo",
                            "requiredTier",
                            "starter",
                            "upgradeUrl",
                            "https://app.auditynow.com/billing/upgrade"));
        }
        return null;
    }

    /** The committed-then-silent convert: the charge is made, the caller never learns of it in time. */
    private Mono<MutableHttpResponse<?>> hangIfAsked(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean convert =
                request.getMethod() == HttpMethod.POST && request.getPath().endsWith("/convert");
        if (!convert
                || response.code() != HttpStatus.CREATED.getCode()
                || !faults.settings().convertCommitThenHang()) {
            return Mono.just(response);
        }
        long hang = faults.settings().hangMs();
        return hang > 0 ? SimGate.delayed(Mono.just(response), hang) : Mono.just(SimGate.closeConnection(request));
    }

    private static AudityRateLimits.Kind kindOf(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return AudityRateLimits.Kind.writes;
        }
        return request.getPath().contains("/api/agent/jobs/")
                ? AudityRateLimits.Kind.polling
                : AudityRateLimits.Kind.reads;
    }
}
