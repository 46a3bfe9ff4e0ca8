package com.auditybridge.callback;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * Delivery of callbacks and subscription events ({@code bridge.callbacks.*}).
 *
 * @param timeout         a 2xx must arrive within this (connect + answer; default 15s)
 * @param connectTimeout  connecting alone (default 5s)
 * @param retryLadder     wait before each attempt; its length is the number of attempts, then dead
 *                        (default 0s,5s,5m,30m,2h,5h,10h,10h)
 * @param jitter          each wait is scaled by a random factor in [1 - jitter, 1 + jitter] (default 0.2)
 * @param maxRetryAfter   a longer {@code Retry-After} is cut to this (default 10h)
 * @param excerptBytes    how much of each answer an attempt keeps (default 1024)
 */
@ConfigurationProperties("bridge.callbacks")
public record CallbackSettings(
        @Bindable(defaultValue = "15s") Duration timeout,
        @Bindable(defaultValue = "5s") Duration connectTimeout,

        @Bindable(defaultValue = "0s,5s,5m,30m,2h,5h,10h,10h")
        List<Duration> retryLadder,

        @Bindable(defaultValue = "0.2") double jitter,
        @Bindable(defaultValue = "10h") Duration maxRetryAfter,
        @Bindable(defaultValue = "1024") int excerptBytes) {}
