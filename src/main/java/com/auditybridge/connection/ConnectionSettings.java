package com.auditybridge.connection;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The {@code default} connection, from the environment, and the keys that guard the others.
 *
 * @param apiKeys       inbound keys, comma separated ({@code BRIDGE_API_KEYS}); none means every hook is refused
 * @param signingSecret {@code whsec_…} used to sign callbacks ({@code BRIDGE_SIGNING_SECRET})
 * @param adminToken    token of the admin API ({@code BRIDGE_ADMIN_TOKEN}); default none = the admin API answers 404
 * @param encryptionKey base64 of 32 bytes sealing tokens and secrets at rest ({@code BRIDGE_ENCRYPTION_KEY});
 *                      default none = a fixed development key in the simulator and tests, and no secret
 *                      stored at all elsewhere (see {@link SecretBox})
 * @param callbackPrivateNetworks private networks the default connection's callbacks may reach, comma separated
 *                      CIDR blocks and host names ({@code BRIDGE_CALLBACK_PRIVATE_NETWORKS}); default none, see
 *                      {@link PrivateNetworks}
 * @param include       the parts of a finished audit the default connection's runs read when their hook does not say
 *                      ({@code BRIDGE_INCLUDE}, comma separated: {@code analysis}, {@code deliverables}); default
 *                      none, see {@link AuditPart}
 */
@ConfigurationProperties("bridge")
public record ConnectionSettings(
        @Nullable String apiKeys,
        @Nullable String signingSecret,
        @Nullable String adminToken,
        @Nullable String encryptionKey,
        @Nullable String callbackPrivateNetworks,
        @Nullable String include) {

    @Override
    public String toString() {
        return "ConnectionSettings[secrets hidden]";
    }
}
