package com.auditybridge.connection;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The {@code default} connection, from the environment.
 *
 * @param apiKeys       inbound keys, comma separated ({@code BRIDGE_API_KEYS}); none means every hook is refused
 * @param signingSecret {@code whsec_…} used to sign callbacks ({@code BRIDGE_SIGNING_SECRET})
 */
@ConfigurationProperties("bridge")
public record ConnectionSettings(@Nullable String apiKeys, @Nullable String signingSecret) {
}
