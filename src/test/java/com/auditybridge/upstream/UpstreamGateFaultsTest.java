package com.auditybridge.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auditybridge.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate stays usable whatever an upstream answers or a call throws. */
class UpstreamGateFaultsTest {
    private static final String TOKEN = "aky_GateFaultsToken00000000000000001";
    private final MutableClock clock = new MutableClock();
    private final UpstreamGate gate = new UpstreamGate(
            new UpstreamPolicySettings(
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
                    Duration.ofMillis(500),
                    Duration.ofHours(1),
                    "memory"),
            clock,
            new SimpleMeterRegistry(),
            new Budgets(BudgetStoreFactory.inMemory(clock), clock, new SimpleMeterRegistry()));

    @Test
    void aRetryAfterOfYearsIsHonouredForAnHourAtMost() {
        Outcome<String> limited = gate.call(
                CallClass.AUDITY_READ,
                TOKEN,
                () -> Outcome.failure(new UpstreamError(
                        UpstreamErrorKind.RATE_LIMITED,
                        429,
                        null,
                        "slow down",
                        Duration.ofDays(3650),
                        null,
                        null,
                        Map.of(),
                        true)));

        assertThat(limited.error().retryAfter()).isEqualTo(Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(59));
        assertThat(read().error().kind()).as("the token's lane is paused").isEqualTo(UpstreamErrorKind.THROTTLED);
        clock.advance(Duration.ofMinutes(2));
        assertThat(read().isSuccess()).as("and resumes after the hour").isTrue();
    }

    @Test
    void aCallThatThrowsInsideAHalfOpenCircuitGivesItsPermissionBack() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            gate.call(
                    CallClass.AUDITY_READ,
                    TOKEN,
                    () -> Outcome.failure(UpstreamError.of(UpstreamErrorKind.SERVER_ERROR, 500, null, "down")));
        }
        assertThat(read().error().message()).contains("circuit open");
        clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThatThrownBy(() -> gate.call(CallClass.AUDITY_READ, TOKEN, () -> {
                        throw new IllegalStateException("a bug inside the call");
                    }))
                    .isInstanceOf(IllegalStateException.class);
        }

        clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            read();
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(read().isSuccess())
                .as("the circuit closed again instead of waiting for permits for ever")
                .isTrue();
    }

    private Outcome<String> read() {
        return gate.call(CallClass.AUDITY_READ, TOKEN, () -> Outcome.success(200, "ok"));
    }
}
