package com.auditybridge.run;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * @param maxWait          the longest {@code ?wait=N} a caller may ask for (default 25s)
 * @param idempotencyTtl   how long an Idempotency-Key is remembered (default 24h)
 * @param requestsPerMinute each connection's own inbound rate (default 600)
 */
@ConfigurationProperties("bridge.intake")
public record IntakeSettings(
        @Bindable(defaultValue = "25s") Duration maxWait,
        @Bindable(defaultValue = "24h") Duration idempotencyTtl,
        @Bindable(defaultValue = "600") int requestsPerMinute) {}
