package com.auditybridge.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second, minimal Standard Webhooks verifier written in the test straight from the specification
 * (not the bridge's signer): strip {@code whsec_}, base64-decode the key, HMAC-SHA256 over
 * {@code id.timestamp.body}, compare against every {@code v1,} entry of the header.
 */
final class SpecVerifier {
    private SpecVerifier() {}

    static boolean verifies(String secret, String id, String timestamp, String body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String part : header.split(" ")) {
                String[] versioned = part.split(",", 2);
                if (versioned[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versioned[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
