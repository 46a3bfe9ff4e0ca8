package com.auditybridge.badinput;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of {@code bad-input/ssrf/*.jsonl}, with the SSRF guard on as in production: every
 * notation of a private or local address is refused on each hook's callbackUrl and a subscription's targetUrl.
 */
@MicronautTest(environments = "sim", transactional = false)
class SsrfCorpusTest extends BadInputTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bridge.intake.requests-per-minute", "100000", "bridge.allow-private-callbacks", "false");
    }

    static Stream<BadInputCase> corpus() {
        return BadInputCorpus.cases("ssrf");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aPrivateOrLocalTargetInAnyNotationIsRefusedAndLeavesNoRow(BadInputCase bad) {
        assertRefusedLeavingNoRow(bad);
    }
}
