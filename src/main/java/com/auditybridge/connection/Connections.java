package com.auditybridge.connection;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves inbound API keys and ids to connections: the {@code default} one from the environment (its
 * keys held only as SHA-256 digests, compared in constant time) and those of the admin API (found by
 * the digest of the key, see {@link ApiKeyStore}). What is read of those is kept for a few seconds
 * ({@link ConnectionCache}): a connection deleted or a key revoked through this replica is gone here at once, and on
 * the other replicas within {@code bridge.connections.cache-ttl}.
 */
@Singleton
public class Connections {
    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    private final Connection defaultConnection;
    private final List<byte[]> defaultKeyDigests;
    private final ConnectionStore store;
    private final ApiKeyStore keys;
    private final WebhookTokens webhookTokens;
    private final ConnectionCache cache;
    private final byte[] defaultWebhookTokenDigest;

    public Connections(
            ConnectionSettings settings,
            ConnectionStore store,
            ApiKeyStore keys,
            WebhookTokens webhookTokens,
            ConnectionCache cache,
            @Value("${audity.token:}") @Nullable String audityToken,
            @Value("${repo-audit.token:}") @Nullable String repoAuditToken,
            @Value("${bridge.audity-webhook-token:}") @Nullable String defaultWebhookToken) {
        this.store = store;
        this.keys = keys;
        this.webhookTokens = webhookTokens;
        this.cache = cache;
        this.defaultWebhookTokenDigest =
                blankToNull(defaultWebhookToken) == null ? null : Digests.sha256(defaultWebhookToken.trim());
        this.defaultConnection = new Connection(
                Connection.DEFAULT_ID,
                blankToNull(audityToken),
                blankToNull(repoAuditToken),
                blankToNull(settings.signingSecret()),
                null,
                null,
                PrivateNetworks.parse(settings.callbackPrivateNetworks()),
                AuditPart.parse(settings.include()));
        String configured = settings.apiKeys() == null ? "" : settings.apiKeys();
        this.defaultKeyDigests = Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(k -> !k.isEmpty())
                .map(Digests::sha256)
                .toList();
        if (defaultKeyDigests.isEmpty()) {
            LOG.warn(
                    "No inbound API keys are configured (BRIDGE_API_KEYS): the default connection refuses every hook with 401");
        }
    }

    public Optional<Connection> byApiKey(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        byte[] presented = Digests.sha256(presentedKey.trim());
        boolean match = false;
        for (byte[] known : defaultKeyDigests) {
            match |= MessageDigest.isEqual(known, presented);
        }
        if (match) {
            return Optional.of(defaultConnection);
        }
        String trimmed = presentedKey.trim();
        return cache.connectionIdOfKey(presented, () -> keys.connectionOf(trimmed))
                .flatMap(this::managed);
    }

    /**
     * The connection whose token for Audity's webhooks this is: the default connection's from the environment
     * ({@code BRIDGE_AUDITY_WEBHOOK_TOKEN}, compared in constant time), or one issued through the admin API.
     */
    public Optional<Connection> byWebhookToken(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        if (defaultWebhookTokenDigest != null
                && MessageDigest.isEqual(defaultWebhookTokenDigest, Digests.sha256(presented.trim()))) {
            return Optional.of(defaultConnection);
        }
        return webhookTokens.connectionOf(presented.trim()).flatMap(this::byId);
    }

    public Optional<Connection> byId(String id) {
        return defaultConnection.id().equals(id) ? Optional.of(defaultConnection) : managed(id);
    }

    private Optional<Connection> managed(String id) {
        return cache.connection(id, () -> store.find(id)).map(ManagedConnection::connection);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
