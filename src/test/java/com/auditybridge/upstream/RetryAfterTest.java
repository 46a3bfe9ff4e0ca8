package com.auditybridge.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-04-20T13:45:00Z"), ZoneOffset.UTC);

    @Test
    void deltaSecondsAreTheWait() {
        assertThat(RetryAfter.parse("60", clock)).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryAfter.parse(" 0 ", clock)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anImfFixdateIsTheWaitFromTheClock() {
        assertThat(RetryAfter.parse("Mon, 20 Apr 2026 13:46:30 GMT", clock)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theObsoleteRfc850AndAsctimeDatesAreAcceptedAsRfc9110Asks() {
        assertThat(RetryAfter.parse("Monday, 20-Apr-26 13:45:10 GMT", clock)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RetryAfter.parse("Mon Apr 20 13:45:20 2026", clock)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aDateInThePastMeansRetryNow() {
        assertThat(RetryAfter.parse("Mon, 20 Apr 2026 13:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "-5", "1.5", "soon", "Mon, 32 Apr 2026 13:46:30 GMT", "99999999999999999999"})
    void aMissingOrUnreadableHeaderGivesNoWait(String header) {
        assertThat(RetryAfter.parse(header, clock)).isNull();
    }
}
