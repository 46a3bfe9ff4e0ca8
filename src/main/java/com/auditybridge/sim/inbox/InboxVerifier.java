package com.auditybridge.sim.inbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification and
 * independent of the bridge's signer: any {@code v1,} entry of the header that matches one of the
 * secrets, compared in constant time.
 */
final class InboxVerifier {
    private InboxVerifier() {}

    static boolean verify(List<String> secrets, String id, String timestamp, String body, String signatureHeader) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        boolean ok = false;
        for (String secret : secrets) {
            byte[] expected = expected(secret, id + "." + timestamp + "." + body);
            for (String entry : signatureHeader.trim().split(" +")) {
                if (entry.startsWith("v1,")) {
                    ok |= MessageDigest.isEqual(expected, entry.substring(3).getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        return ok;
    }

    private static byte[] expected(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
            String b64 = Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
            return b64.getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
