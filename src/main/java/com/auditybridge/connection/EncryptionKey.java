package com.auditybridge.connection;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 key of {@link SecretBox}: {@code BRIDGE_ENCRYPTION_KEY} (base64 of 32 bytes; anything else
 * stops the start). Unset in the simulator, tests or the {@code dev} environment: a fixed development key,
 * derived from a public string so that a restarted demo still reads its rows, with one loud warning.
 * Unset elsewhere (production): no key, and nothing secret is stored.
 */
public record EncryptionKey(byte[] bytes) {
    private static final Logger LOG = LoggerFactory.getLogger(EncryptionKey.class);
    static final Set<String> DEV_ENVIRONMENTS = Set.of("sim", "test", "dev");

    public static EncryptionKey absent() {
        return new EncryptionKey(null);
    }

    public static EncryptionKey of(String configured, Set<String> environments) {
        if (configured != null && !configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (key.length != 32) {
                throw new IllegalStateException(
                        "BRIDGE_ENCRYPTION_KEY must be the base64 of 32 bytes (openssl rand -base64 32)");
            }
            return new EncryptionKey(key);
        }
        if (environments.stream().anyMatch(DEV_ENVIRONMENTS::contains)) {
            LOG.warn(
                    "BRIDGE_ENCRYPTION_KEY is not set: tokens and secrets at rest are sealed with a PUBLIC development key."
                            + " Fine for the simulator and tests; set BRIDGE_ENCRYPTION_KEY in production.");
            return new EncryptionKey(devKey());
        }
        LOG.error(
                "BRIDGE_ENCRYPTION_KEY is not set: the bridge stores no token or secret (admin API connections,"
                        + " subscriptions, generated signing secrets are refused with 503). Set it to base64 of 32 random bytes.");
        return absent();
    }

    static byte[] devKey() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest("audity-bridge public development key; never protects anything"
                            .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "EncryptionKey[" + (bytes == null ? "absent" : "hidden") + "]";
    }

    @io.micronaut.context.annotation.Factory
    static class Beans {
        @io.micronaut.context.annotation.Context
        @Singleton
        SecretBox secretBox(ConnectionSettings settings, Environment environment) {
            return new SecretBox(EncryptionKey.of(settings.encryptionKey(), environment.getActiveNames()));
        }
    }
}
