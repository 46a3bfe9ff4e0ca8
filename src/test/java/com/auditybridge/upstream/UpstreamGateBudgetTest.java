package com.auditybridge.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Under a demand far above its limit, a token's lane lets through at most the limit in any sliding minute; and
 * replicas, each with lanes of its own, stay within it together only when they know how many they are.
 */
class UpstreamGateBudgetTest {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private static final String TOKEN = "aky_GateBudgetToken000000000000000001";

    @ParameterizedTest
    @MethodSource("classesAndReplicas")
    void saturatedReplicasThatKnowHowManyTheyAreTogetherNeverExceedTheTokensLimitInAnySlidingMinute(
            CallClass callClass, int replicas) {
        UpstreamPolicySettings settings = settings(replicas);
        int peak = saturatedPeak(callClass, settings, replicas);
        assertThat(peak)
                .isLessThanOrEqualTo(settings.tokenLimit(callClass))
                .isGreaterThanOrEqualTo(replicas * settings.perMinute(callClass) * 9 / 10);
    }

    static Stream<Arguments> classesAndReplicas() {
        return Stream.of(CallClass.values()).flatMap(c -> Stream.of(Arguments.of(c, 1), Arguments.of(c, 3)));
    }

    @ParameterizedTest
    @EnumSource(CallClass.class)
    void threeSaturatedReplicasWithoutTheirShareTogetherSpendAboutThreeTimesTheTokensLimit(CallClass callClass) {
        UpstreamPolicySettings settings = settings(1);
        int peak = saturatedPeak(callClass, settings, 3);
        assertThat(peak).isGreaterThan(2 * settings.tokenLimit(callClass));
    }

    private static UpstreamPolicySettings settings(int replicas) {
        return new UpstreamPolicySettings(
                100,
                20,
                120,
                10,
                120,
                2,
                8,
                Duration.ofSeconds(2),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                replicas,
                Duration.ofHours(1));
    }

    /** Three callers per replica call every 100 ms for seven minutes; answers the most calls let through in a minute. */
    private static int saturatedPeak(CallClass callClass, UpstreamPolicySettings settings, int replicas) {
        MutableClock clock = new MutableClock();
        List<UpstreamGate> gates = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            gates.add(new UpstreamGate(settings, clock, new SimpleMeterRegistry()));
        }
        Deque<Instant> window = new ArrayDeque<>();
        int peak = 0;
        for (int tick = 0; tick < 10 * 60 * 7; tick++) {
            clock.advance(Duration.ofMillis(tick % 7 == 0 ? 143 : 100));
            for (int caller = 0; caller < 3 * replicas; caller++) {
                Outcome<String> outcome =
                        gates.get(caller % replicas).call(callClass, TOKEN, () -> Outcome.success(200, "ok"));
                if (outcome.isSuccess()) {
                    window.addLast(clock.instant());
                    while (!window.peekFirst().isAfter(clock.instant().minus(WINDOW))) {
                        window.removeFirst();
                    }
                    peak = Math.max(peak, window.size());
                }
            }
        }
        return peak;
    }
}
