package com.auditybridge.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delta-seconds or an HTTP-date. Audity documents
 * seconds, but a proxy in front of it may send a date, and RFC 9110 asks recipients to accept the two
 * obsolete date formats too. A date in the past means "now" (zero); anything unreadable is null, so that
 * the caller falls back to its own back-off rather than trusting a guess.
 */
public final class RetryAfter {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private RetryAfter() {}

    /** The wait the header asks for, relative to {@code clock}; null when missing or unreadable. */
    public static Duration parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            return seconds(value);
        }
        Instant at = date(value);
        if (at == null) {
            return null;
        }
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static Duration seconds(String digits) {
        try {
            return Duration.ofSeconds(Long.parseLong(digits));
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    private static Instant date(String value) {
        for (DateTimeFormatter format : List.of(IMF_FIXDATE, RFC_850)) {
            try {
                return ZonedDateTime.parse(value, format.withZone(ZoneOffset.UTC))
                        .toInstant();
            } catch (DateTimeParseException notThisFormat) {
                // try the next one
            }
        }
        try {
            return LocalDateTime.parse(value, ASCTIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
