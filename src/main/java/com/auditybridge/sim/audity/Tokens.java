package com.auditybridge.sim.audity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Audity personal access tokens: {@code aky_} and 32 base62 characters. Only digests are ever kept as keys. */
public final class Tokens {
    private static final Pattern FORMAT = Pattern.compile("aky_[A-Za-z0-9]{32}");

    private Tokens() {}

    public static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** Public, like Audity's {@code tokenPrefix}: safe to show in counters. */
    public static String prefix(String token) {
        return token.substring(0, 8);
    }

    public static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
