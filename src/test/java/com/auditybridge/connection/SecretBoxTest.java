package com.auditybridge.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auditybridge.problem.ProblemException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Secrets at rest: AES-256-GCM with the configured key, a public key only in the simulator and tests. */
class SecretBoxTest {
    private static final String SECRET = "aky_KnownSecretToken0000000000000001";

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static SecretBox box(String key) {
        return new SecretBox(EncryptionKey.of(key, Set.of()));
    }

    @Test
    void aSealedSecretShowsNothingOfItselfAndOpensToTheSame() {
        SecretBox box = box(randomKey());

        String sealed = box.seal(SECRET);

        assertThat(sealed).startsWith("sb1:").doesNotContain(SECRET).doesNotContain("KnownSecret");
        assertThat(box.open(sealed)).isEqualTo(SECRET);
    }

    @Test
    void sealingTheSameSecretTwiceGivesTwoDifferentValues() {
        SecretBox box = box(randomKey());

        assertThat(box.seal(SECRET)).isNotEqualTo(box.seal(SECRET));
    }

    @Test
    void aValueSealedUnderAnotherKeyDoesNotOpen() {
        String sealed = box(randomKey()).seal(SECRET);

        assertThatThrownBy(() -> box(randomKey()).open(sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        SecretBox box = box(randomKey());
        byte[] raw = Base64.getDecoder().decode(box.seal(SECRET).substring(4));
        raw[raw.length - 1] ^= 1;

        assertThatThrownBy(() -> box.open("sb1:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyOutsideTheSimulatorNothingSecretIsStored() {
        SecretBox box = new SecretBox(EncryptionKey.of(null, Set.of("k8s", "cloud")));

        assertThat(box.canSeal()).isFalse();
        assertThatThrownBy(() -> box.seal(SECRET))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().code()).isEqualTo("ENCRYPTION_KEY_MISSING"));
    }

    @Test
    void theSimulatorAndTestsSealWithTheDevelopmentKeyThatSurvivesARestart() {
        String sealed = new SecretBox(EncryptionKey.of("", Set.of("sim"))).seal(SECRET);

        assertThat(new SecretBox(EncryptionKey.of(null, Set.of("test"))).open(sealed))
                .isEqualTo(SECRET);
    }

    @Test
    void aKeyThatIsNotTheBase64OfThirtyTwoBytesStopsTheStart() {
        assertThatThrownBy(() -> EncryptionKey.of("c2hvcnQ=", Set.of("sim"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EncryptionKey.of("not base64!", Set.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueStoredBeforeEncryptionIsReadAsItIs() {
        assertThat(box(randomKey()).open("whsec_plain")).isEqualTo("whsec_plain");
        assertThat(box(randomKey()).open(null)).isNull();
    }

    @Test
    void neitherTheBoxNorItsKeyShowTheKeyInText() {
        String key = randomKey();

        assertThat(box(key).toString()).doesNotContain(key);
        assertThat(EncryptionKey.of(key, Set.of()).toString()).doesNotContain(key);
    }
}
