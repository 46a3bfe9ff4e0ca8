package com.auditybridge.web;

import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Query parameters read from their text, so that a bad one ({@code ?limit=ten}, a date without its offset) is a
 * 400 {@code INVALID_QUERY} naming the parameter, like every other bad input, rather than the framework's own answer.
 */
public final class Queries {
    private Queries() {}

    /** A whole number from {@code min} to {@code max}; {@code absent} when the parameter is. */
    public static int wholeNumber(String field, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the problem below
        }
        throw invalid(field, "must be a whole number from " + min + " to " + max);
    }

    /** An ISO-8601 date and time with its offset ({@code Z} or {@code +02:00}); null when absent. */
    public static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO-8601 date and time with an offset, e.g. 2026-04-20T12:00:00Z");
        }
    }

    /** The 400 {@code INVALID_QUERY} for {@code field}. */
    public static ProblemException invalid(String field, String message) {
        return ProblemException.invalid("INVALID_QUERY", List.of(new Problem.FieldError(field, message)));
    }
}
