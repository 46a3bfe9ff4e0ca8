package com.auditybridge.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to the upstreams. Every call takes a token from its token's budget for its class (shared by all
 * replicas, see {@link Budgets}) and passes the upstream's circuit breaker; a call that may not go now is answered at
 * once with {@link UpstreamErrorKind#THROTTLED} and the time to come back, so no thread ever sleeps here. One budget
 * round trip a call; a 429 or a busy 503 with Retry-After costs one more per class of that upstream, to pause them.
 */
@Singleton
public class UpstreamGate {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamGate.class);
    /** How long a call waits when the budget itself cannot be read (the database is away). */
    private static final Duration BUDGET_UNAVAILABLE_WAIT = Duration.ofSeconds(5);

    private final Map<String, CircuitBreaker> circuits = new ConcurrentHashMap<>();
    private final UpstreamPolicySettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Budgets budgets;

    public UpstreamGate(UpstreamPolicySettings settings, Clock clock, MeterRegistry meters, Budgets budgets) {
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.budgets = budgets;
    }

    public <T> Outcome<T> call(CallClass callClass, String token, Supplier<Outcome<T>> call) {
        String fingerprint = fingerprint(token);
        Duration wait;
        try {
            wait = budgets.take(key(callClass, fingerprint));
        } catch (RuntimeException unavailable) {
            LOG.warn("budget of {} unavailable, call held back: {}", callClass, unavailable.toString());
            return throttled(BUDGET_UNAVAILABLE_WAIT, "budget unavailable");
        }
        if (!wait.isZero()) {
            meters.counter("bridge.upstream.throttled", "class", callClass.name())
                    .increment();
            return throttled(wait, "rate budget of this token");
        }
        CircuitBreaker circuit = circuits.computeIfAbsent(callClass.upstream(), this::newCircuit);
        if (!circuit.tryAcquirePermission()) {
            return throttled(settings.circuitWaitInOpen(), "circuit open for " + callClass.upstream());
        }
        long start = System.nanoTime();
        Outcome<T> outcome;
        try {
            outcome = capRetryAfter(call.get());
        } catch (RuntimeException thrown) {
            // The permission taken above must be given back, or a half-open circuit waits for it for ever.
            circuit.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, thrown);
            throw thrown;
        }
        long elapsed = System.nanoTime() - start;
        UpstreamError error = outcome.error();
        if (error != null && error.kind() == UpstreamErrorKind.THROTTLED) {
            // The call decided not to go out after all (a paid call whose intent could not be recorded): nothing
            // reached the upstream, so there is nothing to count and no outcome for the circuit.
            circuit.releasePermission();
            return outcome;
        }
        if (error != null
                && (error.kind() == UpstreamErrorKind.SERVER_ERROR
                        || error.kind() == UpstreamErrorKind.TIMEOUT
                        || error.kind() == UpstreamErrorKind.NETWORK)) {
            circuit.onError(elapsed, TimeUnit.NANOSECONDS, new UpstreamFailure(error));
        } else {
            circuit.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        }
        if (error != null && error.kind() == UpstreamErrorKind.RATE_LIMITED) {
            meters.counter("bridge.upstream.rate_limited", "class", callClass.name())
                    .increment();
        }
        if (error != null
                && error.retryAfter() != null
                && (error.kind() == UpstreamErrorKind.RATE_LIMITED
                        || error.kind() == UpstreamErrorKind.UPSTREAM_BUSY)) {
            pause(callClass.upstream(), fingerprint, error.retryAfter());
        }
        meters.counter(
                        "bridge.upstream.calls",
                        "class",
                        callClass.name(),
                        "outcome",
                        error == null ? "success" : error.kind().name())
                .increment();
        meters.timer("bridge.upstream.latency", "class", callClass.name()).record(elapsed, TimeUnit.NANOSECONDS);
        return outcome;
    }

    private BudgetKey key(CallClass callClass, String fingerprint) {
        return BudgetKey.upstream(callClass, fingerprint, settings.shape(callClass));
    }

    /** A 429 (or a busy 503) pauses the token at that upstream, every class of it, on every replica. */
    private void pause(String upstream, String fingerprint, Duration retryAfter) {
        for (CallClass other : CallClass.values()) {
            if (other.upstream().equals(upstream)) {
                try {
                    budgets.pause(key(other, fingerprint), retryAfter);
                } catch (RuntimeException unavailable) {
                    LOG.warn("could not pause the budget of {}: {}", other, unavailable.toString());
                }
            }
        }
    }

    /** An upstream Retry-After is honoured up to {@code upstream.max-retry-after}, never longer. */
    private <T> Outcome<T> capRetryAfter(Outcome<T> outcome) {
        UpstreamError error = outcome.error();
        if (error == null
                || error.retryAfter() == null
                || error.retryAfter().compareTo(settings.maxRetryAfter()) <= 0) {
            return outcome;
        }
        return Outcome.failure(error.withRetryAfter(settings.maxRetryAfter()));
    }

    private CircuitBreaker newCircuit(String upstream) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.circuitWaitInOpen())
                .permittedNumberOfCallsInHalfOpenState(3)
                .build();
        CircuitBreaker circuit = CircuitBreaker.of(upstream, config);
        circuit.getEventPublisher()
                .onStateTransition(e -> meters.counter(
                                "bridge.upstream.circuit.transitions",
                                "upstream",
                                upstream,
                                "to",
                                e.getStateTransition().getToState().name())
                        .increment());
        meters.gauge(
                "bridge.upstream.circuit.open",
                java.util.List.of(io.micrometer.core.instrument.Tag.of("upstream", upstream)),
                circuit,
                c -> c.getState() == CircuitBreaker.State.OPEN ? 1 : 0);
        return circuit;
    }

    private static <T> Outcome<T> throttled(Duration wait, String why) {
        return Outcome.failure(new UpstreamError(
                UpstreamErrorKind.THROTTLED, 0, null, "held back: " + why, wait, null, null, Map.of(), false));
    }

    /**
     * A token's name in the budgets (16 hex digits of its SHA-256; null is the anonymous token): budgets are keyed by
     * a digest, so no row, map, metric or readout ever holds a token.
     */
    public static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Carries a failed outcome into the circuit breaker's books; never thrown. */
    static final class UpstreamFailure extends RuntimeException {
        UpstreamFailure(UpstreamError error) {
            super(error.kind().name(), null, false, false);
        }
    }
}
