package com.auditybridge.badinput;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code bad-input/*.jsonl} is refused with its documented problem and stores nothing. */
@MicronautTest(environments = "sim", transactional = false)
class BadInputCorpusTest extends BadInputTestBase {

    static Stream<BadInputCase> corpus() {
        return BadInputCorpus.cases(".");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aBadInputIsRefusedWithItsProblemAndLeavesNoRow(BadInputCase bad) {
        assertRefusedLeavingNoRow(bad);
    }
}
