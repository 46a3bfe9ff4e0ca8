package com.auditybridge.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Inbound API keys and fingerprints. A key is {@code abk_} + 32 random bytes (base64url): with 256 bits
 * of entropy no guessing can invert its SHA-256, so a fast unsalted hash is enough (a slow password hash
 * protects low-entropy passwords) and lets a key be found by its digest with an index.
 */
public final class Digests {
    public static final String KEY_PREFIX = "abk_";
    private static final int SHOWN_PREFIX = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Digests() {}

    public static String newApiKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The first characters of a key, safe to show: 8 random characters of 43. */
    public static String shownPrefix(String key) {
        return key.substring(0, Math.min(SHOWN_PREFIX, key.length()));
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }

    /** 12 hex digits of the SHA-256: tells two tokens apart without telling either. */
    public static String fingerprint(String value) {
        return value == null ? null : sha256Hex(value).substring(0, 12);
    }

    /** Constant-time equality of two strings of any length (their digests are compared). */
    public static boolean sameSecret(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(sha256(a), sha256(b));
    }
}
