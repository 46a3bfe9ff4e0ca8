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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Under a demand far above its limit, a token's budget lets through at most the limit in any sliding minute (both
 * ends included), and not much less: whether one gate or three gates sharing one store (replicas sharing the
 * database) spend it. The store here is memory; the database store is the same buckets (BudgetsOnPostgresTest).
 */
class UpstreamGateBudgetTest {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String TOKEN = "aky_GateBudgetToken000000000000000001";

    @ParameterizedTest(name = "{0} spent by {1} gate(s)")
    @MethodSource("classesAndReplicas")
    void saturatedGatesSharingOneStoreNeverExceedTheTokensLimitInAnySlidingMinuteAndUseNearlyAllOfIt(
            CallClass callClass, int replicas) {
        UpstreamPolicySettings settings = settings(Map.of());
        Spent spent = saturate(callClass, settings, replicas, Duration.ofMinutes(7));
        int limit = settings.tokenLimit(callClass);
        assertThat(spent.peak).isLessThanOrEqualTo(limit);
        assertThat(spent.calls).as("calls over 7 minutes").isGreaterThanOrEqualTo(7 * limit * 85 / 100);
    }

    static Stream<Arguments> classesAndReplicas() {
        return Stream.of(CallClass.values()).flatMap(c -> Stream.of(Arguments.of(c, 1), Arguments.of(c, 3)));
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 20})
    void evenTheSmallestLimitsAreKeptInEverySlidingMinuteIncludingBothEnds(int limit) {
        UpstreamPolicySettings settings = settings(Map.of(CallClass.AUDITY_WRITE, limit));
        Spent spent = saturate(CallClass.AUDITY_WRITE, settings, 3, Duration.ofMinutes(10));
        assertThat(spent.peak).isBetween(Math.max(1, limit - 1), limit);
        assertThat(spent.calls)
                .as("calls over 10 minutes")
                .isGreaterThanOrEqualTo(9L * Math.max(1, limit - 1) * 9 / 10);
    }

    @Test
    void aRetryAfterMetByOneReplicaPausesTheTokenOnEveryReplicaForAtLeastThatLong() {
        MutableClock clock = new MutableClock();
        Budgets shared = new Budgets(BudgetStoreFactory.inMemory(clock), clock, new SimpleMeterRegistry());
        UpstreamGate one = gate(settings(Map.of()), clock, shared);
        UpstreamGate other = gate(settings(Map.of()), clock, shared);

        one.call(
                CallClass.AUDITY_WRITE,
                TOKEN,
                () -> Outcome.failure(new UpstreamError(
                        UpstreamErrorKind.RATE_LIMITED,
                        429,
                        null,
                        "slow down",
                        Duration.ofSeconds(30),
                        null,
                        null,
                        Map.of(),
                        true)));

        Outcome<String> read = other.call(CallClass.AUDITY_READ, TOKEN, () -> Outcome.success(200, "ok"));
        assertThat(read.error().kind()).as("the other replica's read").isEqualTo(UpstreamErrorKind.THROTTLED);
        assertThat(read.error().retryAfter()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(32));
        clock.advance(Duration.ofSeconds(29));
        assertThat(other.call(CallClass.AUDITY_WRITE, TOKEN, () -> Outcome.success(200, "ok"))
                        .isSuccess())
                .as("a write within the pause")
                .isFalse();
        clock.advance(read.error().retryAfter().minusSeconds(29));
        assertThat(other.call(CallClass.AUDITY_READ, TOKEN, () -> Outcome.success(200, "ok"))
                        .isSuccess())
                .as("a read once the pause is over")
                .isTrue();
    }

    @Test
    void aHeldBackCallIsToldTheTimeItsBudgetFreesAndMayGoThen() {
        MutableClock clock = new MutableClock();
        UpstreamGate gate = gate(
                settings(Map.of()),
                clock,
                new Budgets(BudgetStoreFactory.inMemory(clock), clock, new SimpleMeterRegistry()));
        gate.call(CallClass.AUDITY_WRITE, TOKEN, () -> Outcome.success(200, "first"));
        gate.call(CallClass.AUDITY_WRITE, TOKEN, () -> Outcome.success(200, "second"));

        Outcome<String> held = gate.call(CallClass.AUDITY_WRITE, TOKEN, () -> Outcome.success(200, "third"));
        assertThat(held.error().kind()).isEqualTo(UpstreamErrorKind.THROTTLED);
        clock.advance(held.error().retryAfter().minusMillis(2));
        assertThat(gate.call(CallClass.AUDITY_WRITE, TOKEN, () -> Outcome.success(200, "early"))
                        .isSuccess())
                .isFalse();
        clock.advance(Duration.ofMillis(2));
        assertThat(gate.call(CallClass.AUDITY_WRITE, TOKEN, () -> Outcome.success(200, "on time"))
                        .isSuccess())
                .isTrue();
    }

    private static UpstreamPolicySettings settings(Map<CallClass, Integer> writes) {
        return new UpstreamPolicySettings(
                100,
                writes.getOrDefault(CallClass.AUDITY_WRITE, 20),
                120,
                10,
                120,
                2,
                8,
                Duration.ofSeconds(2),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                Duration.ofMillis(500),
                Duration.ofHours(1),
                "memory");
    }

    private static UpstreamGate gate(UpstreamPolicySettings settings, MutableClock clock, Budgets budgets) {
        return new UpstreamGate(settings, clock, new SimpleMeterRegistry(), budgets);
    }

    private record Spent(int peak, long calls) {}

    /**
     * Three callers per gate call every 100 ms (143 ms every seventh tick) for {@code during}; the gates share one
     * store. Answers the most calls let through in any minute, both ends included, and the calls in all.
     */
    private static Spent saturate(CallClass callClass, UpstreamPolicySettings settings, int replicas, Duration during) {
        MutableClock clock = new MutableClock();
        Budgets shared = new Budgets(BudgetStoreFactory.inMemory(clock), clock, new SimpleMeterRegistry());
        List<UpstreamGate> gates = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            gates.add(gate(settings, clock, shared));
        }
        Deque<Instant> window = new ArrayDeque<>();
        int peak = 0;
        long calls = 0;
        Instant end = clock.instant().plus(during);
        for (int tick = 0; clock.instant().isBefore(end); tick++) {
            clock.advance(Duration.ofMillis(tick % 7 == 0 ? 143 : 100));
            for (int caller = 0; caller < 3 * replicas; caller++) {
                Outcome<String> outcome =
                        gates.get(caller % replicas).call(callClass, TOKEN, () -> Outcome.success(200, "ok"));
                if (outcome.isSuccess()) {
                    calls++;
                    window.addLast(clock.instant());
                    while (window.peekFirst().isBefore(clock.instant().minus(WINDOW))) {
                        window.removeFirst();
                    }
                    peak = Math.max(peak, window.size());
                }
            }
        }
        return new Spent(peak, calls);
    }
}
