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
 * @param maxBodyBytes    the largest body of a callback or subscription delivery, in bytes (default 262144, as large
 *                        as the hook bodies the bridge accepts). An event whose documents (a finished audit's
 *                        analysis and deliverables) would make it larger leaves them out, the last first, and says
 *                        which in {@code data.omitted}; its {@code data.resultUrl} serves them
 *                        ({@code BRIDGE_CALLBACK_MAX_BODY_BYTES})
 */
@ConfigurationProperties("bridge.callbacks")
public record CallbackSettings(
        @Bindable(defaultValue = "15s") Duration timeout,
        @Bindable(defaultValue = "5s") Duration connectTimeout,

        @Bindable(defaultValue = "0s,5s,5m,30m,2h,5h,10h,10h")
        List<Duration> retryLadder,

        @Bindable(defaultValue = "0.2") double jitter,
        @Bindable(defaultValue = "10h") Duration maxRetryAfter,
        @Bindable(defaultValue = "1024") int excerptBytes,
        @Bindable(defaultValue = "262144") int maxBodyBytes) {}
