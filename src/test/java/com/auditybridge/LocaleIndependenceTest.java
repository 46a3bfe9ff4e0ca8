package com.auditybridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.callback.DeliveryStatus;
import com.auditybridge.problem.Problem;
import com.auditybridge.run.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire names, SQL literals and problem types are ASCII whatever the machine's locale: under Turkish rules
 * {@code "FAILED".toLowerCase()} is {@code "faıled"}, and a run stored so is never found by {@code status = 'failed'}.
 */
class LocaleIndependenceTest {
    private static final Locale TURKISH = new Locale("tr", "TR");
    /** A case conversion that takes the default locale: no argument between the parentheses. */
    private static final Pattern LOCALE_DEFAULT_CASE = Pattern.compile("\\.to(Lower|Upper)Case\\(\\s*\\)");

    private Locale before;

    @BeforeEach
    void turkish() {
        before = Locale.getDefault();
        Locale.setDefault(TURKISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void noCaseConversionInTheServiceDependsOnTheDefaultLocale() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).sorted().forEach(source -> {
                List<String> lines = read(source);
                for (int i = 0; i < lines.size(); i++) {
                    if (LOCALE_DEFAULT_CASE.matcher(lines.get(i)).find()) {
                        offenders.add(
                                source + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            });
        }

        assertThat(offenders)
                .as("toLowerCase()/toUpperCase() without a locale; give Locale.ROOT")
                .isEmpty();
    }

    @Test
    void underATurkishLocaleRunStatusesKeepTheNamesTheirSqlLiteralsUse() {
        // RunStore and PaidCalls compare with these literals: ('completed','failed','cancelled'),
        // ('running','waiting').
        assertThat(Arrays.stream(RunStatus.values()).map(RunStatus::wireName))
                .containsExactly("queued", "running", "waiting", "completed", "failed", "cancelled");
        assertThat(Arrays.stream(RunStatus.values()))
                .allSatisfy(
                        status -> assertThat(RunStatus.fromWire(status.name().toLowerCase(Locale.ROOT)))
                                .contains(status));
    }

    @Test
    void underATurkishLocaleDeliveryStatusesKeepTheNamesTheirSqlLiteralsUse() {
        // DeliveryStore compares with 'pending' and writes 'cancelled'.
        assertThat(Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::wireName))
                .containsExactly("pending", "delivered", "dead", "gone", "cancelled");
    }

    @Test
    void underATurkishLocaleAProblemTypeIsAnAsciiUrl() {
        assertThat(Problem.of(400, "INVALID_FIELD", "Invalid", "detail").type())
                .isEqualTo("https://auditybridge.dev/problems/invalid-field");
    }

    private static List<String> read(Path source) {
        try {
            return Files.readAllLines(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
