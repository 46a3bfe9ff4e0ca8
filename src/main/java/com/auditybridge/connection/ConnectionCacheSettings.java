package com.auditybridge.connection;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How long a replica keeps what it read of a connection made through the admin API (its row, its secrets opened, and
 * which connection a key belongs to), so that a hook or a step does not read and decrypt it each time.
 *
 * @param cacheTtl how long (default 5s; 0s keeps nothing). A change made through this replica's admin API takes effect
 *                 here at once; one made through another replica, within this time.
 */
@ConfigurationProperties("bridge.connections")
public record ConnectionCacheSettings(
        @Bindable(defaultValue = "5s") Duration cacheTtl) {}
