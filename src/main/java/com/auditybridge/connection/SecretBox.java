package com.auditybridge.connection;

import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals tokens and secrets for the database with AES-256-GCM: {@code sb1:} + base64(12-byte nonce +
 * ciphertext + tag). Without a key ({@link EncryptionKey#absent}) it refuses to seal (503), and opens
 * only values that were never sealed (rows written before encryption, sealed at startup).
 */
public final class SecretBox {
    static final String PREFIX = "sb1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    public SecretBox(EncryptionKey key) {
        this.key = key.bytes() == null ? null : new SecretKeySpec(key.bytes(), "AES");
    }

    public boolean canSeal() {
        return key != null;
    }

    public String seal(String plain) {
        if (key == null) {
            throw new ProblemException(Problem.of(
                    503,
                    "ENCRYPTION_KEY_MISSING",
                    "Encryption key missing",
                    "Secrets are stored only encrypted: set BRIDGE_ENCRYPTION_KEY (base64 of 32 random bytes)."));
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, plain.getBytes(StandardCharsets.UTF_8));
        return PREFIX
                + Base64.getEncoder()
                        .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                .put(nonce)
                                .put(sealed)
                                .array());
    }

    /** The plain value; null stays null, a value never sealed is answered as it is. */
    public String open(String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException("a sealed secret cannot be opened without BRIDGE_ENCRYPTION_KEY");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(crypt(Cipher.DECRYPT_MODE, nonce, body), StandardCharsets.UTF_8);
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed secret cannot be opened with this BRIDGE_ENCRYPTION_KEY ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "SecretBox[" + (key == null ? "no key" : "key hidden") + "]";
    }
}
