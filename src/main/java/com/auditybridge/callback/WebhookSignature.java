package com.auditybridge.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} + base64(HMAC-SHA256(key, "id.timestamp.body")), where the
 * key is the base64 part of a {@code whsec_…} secret. Several secrets (a rotation) give several
 * space-separated signatures, any one of which a receiver may verify.
 */
public final class WebhookSignature {
    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    public static String header(List<String> secrets, String id, long timestamp, String body) {
        return secrets.stream()
                .map(secret -> "v1," + sign(secret, id, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh {@code whsec_} secret of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Whether a configured value is a usable secret (prefix and base64 key). */
    public static boolean isValid(String secret) {
        try {
            return secret != null && key(secret).length >= 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
