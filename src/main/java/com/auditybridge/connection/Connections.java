package com.auditybridge.connection;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Resolves inbound API keys to connections. Keys are held only as SHA-256 digests and compared in
 * constant time, so neither the heap nor the timing of a refusal tells a key.
 */
@Singleton
public class Connections {
    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    private final Connection defaultConnection;
    private final List<byte[]> defaultKeyDigests;

    public Connections(ConnectionSettings settings,
                       @Value("${audity.token:}") @Nullable String audityToken,
                       @Value("${repo-audit.token:}") @Nullable String repoAuditToken) {
        this.defaultConnection = new Connection(Connection.DEFAULT_ID, blankToNull(audityToken),
                blankToNull(repoAuditToken), blankToNull(settings.signingSecret()));
        String keys = settings.apiKeys() == null ? "" : settings.apiKeys();
        this.defaultKeyDigests = Arrays.stream(keys.split(","))
                .map(String::trim).filter(k -> !k.isEmpty()).map(Connections::digest).toList();
        if (defaultKeyDigests.isEmpty()) {
            LOG.warn("No inbound API keys are configured (BRIDGE_API_KEYS): every hook call will be refused with 401");
        }
    }

    public Optional<Connection> byApiKey(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        byte[] presented = digest(presentedKey.trim());
        boolean match = false;
        for (byte[] known : defaultKeyDigests) {
            match |= MessageDigest.isEqual(known, presented);
        }
        return match ? Optional.of(defaultConnection) : Optional.empty();
    }

    public Optional<Connection> byId(String id) {
        return defaultConnection.id().equals(id) ? Optional.of(defaultConnection) : Optional.empty();
    }

    static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
