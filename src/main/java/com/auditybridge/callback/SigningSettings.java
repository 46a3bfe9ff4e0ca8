package com.auditybridge.callback;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * Rotation of the {@code default} connection's signing secret ({@code bridge.signing.*}). Put the new
 * secret in {@code BRIDGE_SIGNING_SECRET} and the old one here: every delivery then carries two
 * signatures until {@code previous-until}, so receivers can switch at their own pace.
 *
 * @param previousSecret the secret being retired ({@code BRIDGE_SIGNING_PREVIOUS_SECRET}); default none
 * @param previousUntil  when it stops being used (ISO instant); default none = until it is removed
 */
@ConfigurationProperties("bridge.signing")
public record SigningSettings(
        @Nullable String previousSecret, @Nullable Instant previousUntil) {}
