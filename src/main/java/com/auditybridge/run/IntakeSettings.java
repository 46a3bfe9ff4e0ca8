package com.auditybridge.run;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * @param maxWait          the longest {@code ?wait=N} a caller may ask for (default 25s)
 * @param idempotencyTtl   how long an Idempotency-Key is remembered (default 24h)
 * @param requestsPerMinute each connection's own inbound rate (default 600)
 * @param groupWriters     how many groups of hooks a replica writes at once (default 1: the fewer, the larger the groups and the fewer
 *                         commits; see {@link GroupedIntake})
 * @param groupSize        the most hooks one group's transaction writes (default 128)
 */
@ConfigurationProperties("bridge.intake")
public record IntakeSettings(
        @Bindable(defaultValue = "25s") Duration maxWait,
        @Bindable(defaultValue = "24h") Duration idempotencyTtl,
        @Bindable(defaultValue = "600") int requestsPerMinute,
        @Bindable(defaultValue = "1") int groupWriters,
        @Bindable(defaultValue = "128") int groupSize) {}
