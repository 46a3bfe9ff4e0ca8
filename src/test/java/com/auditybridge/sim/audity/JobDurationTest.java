package com.auditybridge.sim.audity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code sim.audity.job-processing-max}: each job's processing time is drawn between the two settings. */
class JobDurationTest {

    private static AudityConfig config(Duration processing, Duration max) {
        return new AudityConfig(
                10_000,
                "growth",
                List.of("read", "write"),
                100,
                1.5,
                100,
                20,
                120,
                Duration.ofSeconds(60),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofSeconds(2),
                processing,
                max,
                0,
                Duration.ofSeconds(1));
    }

    @Test
    void withoutMaximumEveryJobTakesTheFixedTime() {
        assertThat(config(Duration.ofSeconds(8), null).drawProcessing()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void withMaximumJobsSpreadBetweenTheBounds() {
        AudityConfig config = config(Duration.ofSeconds(60), Duration.ofSeconds(300));
        List<Duration> drawn =
                IntStream.range(0, 1_000).mapToObj(i -> config.drawProcessing()).toList();
        assertThat(drawn).allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(300)));
        assertThat(drawn.stream().distinct().count()).isGreaterThan(100);
    }
}
