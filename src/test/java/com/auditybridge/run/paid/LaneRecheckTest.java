package com.auditybridge.run.paid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaneRecheckTest {
    private static PaidCallSettings recheckingAfter(Duration recheck) {
        return new PaidCallSettings(
                Duration.ofMinutes(3),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofMinutes(2),
                3,
                2,
                2,
                recheck);
    }

    @Test
    void theFirstWaiterLooksAgainAfterTheRecheckAndEachRunAheadAddsOneMore() {
        PaidCallSettings settings = recheckingAfter(Duration.ofSeconds(5));

        assertThat(settings.laneRecheckWith(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.laneRecheckWith(3)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aWaiterFarBackInALongLineLooksAgainAtLeastOnceAMinute() {
        assertThat(recheckingAfter(Duration.ofSeconds(5)).laneRecheckWith(1_999))
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aRecheckSetLongerThanAMinuteIsKept() {
        assertThat(recheckingAfter(Duration.ofHours(1)).laneRecheckWith(5)).isEqualTo(Duration.ofHours(1));
    }
}
