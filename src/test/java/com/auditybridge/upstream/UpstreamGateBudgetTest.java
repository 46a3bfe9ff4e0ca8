package com.auditybridge.upstream;

import com.auditybridge.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;

/** Under a demand far above its limit, a token's lane lets through at most the limit in any sliding minute. */
class UpstreamGateBudgetTest {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    @ParameterizedTest
    @EnumSource(CallClass.class)
    void aSaturatedLaneNeverExceedsItsLimitInAnySlidingMinute(CallClass callClass) {
        MutableClock clock = new MutableClock();
        UpstreamPolicySettings settings = new UpstreamPolicySettings(100, 20, 120, 10, 120, 2, 8,
                Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(30));
        UpstreamGate gate = new UpstreamGate(settings, clock, new SimpleMeterRegistry());
        Deque<Instant> window = new ArrayDeque<>();
        int peak = 0;
        for (int tick = 0; tick < 10 * 60 * 7; tick++) {
            clock.advance(Duration.ofMillis(tick % 7 == 0 ? 143 : 100));
            for (int caller = 0; caller < 3; caller++) {
                Outcome<String> outcome = gate.call(callClass, "aky_GateBudgetToken000000000000000001",
                        () -> Outcome.success(200, "ok"));
                if (outcome.isSuccess()) {
                    window.addLast(clock.instant());
                    while (!window.peekFirst().isAfter(clock.instant().minus(WINDOW))) {
                        window.removeFirst();
                    }
                    peak = Math.max(peak, window.size());
                }
            }
        }
        assertThat(peak).isLessThanOrEqualTo(settings.perMinute(callClass))
                .isGreaterThanOrEqualTo(settings.perMinute(callClass) * 9 / 10);
    }
}
