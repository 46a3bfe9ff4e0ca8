package com.auditybridge.upstream;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * When to try a transiently failed step again. The delays come from a Resilience4j
 * {@link RetryConfig} (exponential backoff with jitter, a Retry-After wins when the upstream sent
 * one), but the attempt count lives on the run in the database: a retry is a rescheduled task that
 * survives restarts, never a sleeping thread.
 */
@Singleton
public class RetryPolicy {
    private final RetryConfig config;

    public RetryPolicy(UpstreamPolicySettings settings) {
        IntervalFunction backoff =
                IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5, settings.maxBackoff());
        IntervalBiFunction<UpstreamError> honoursRetryAfter = (attempt, either) -> {
            if (either.isRight() && either.get().retryAfter() != null) {
                return either.get().retryAfter().toMillis();
            }
            return backoff.apply(attempt);
        };
        this.config = RetryConfig.<UpstreamError>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalBiFunction(honoursRetryAfter)
                .build();
    }

    /** The delay before the next attempt, or empty when {@code attemptsSoFar} used up the budget. */
    public Optional<Duration> nextDelay(int attemptsSoFar, UpstreamError error) {
        if (attemptsSoFar >= config.getMaxAttempts()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        IntervalBiFunction<UpstreamError> interval =
                (IntervalBiFunction<UpstreamError>) (IntervalBiFunction<?>) config.getIntervalBiFunction();
        return Optional.of(Duration.ofMillis(interval.apply(Math.max(1, attemptsSoFar), Either.right(error))));
    }
}
