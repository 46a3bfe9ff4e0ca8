package com.auditybridge.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The two timestamp styles of the upstreams: Audity writes {@code ...Z}, repo-audit writes {@code ...+00:00}. */
public final class Timestamps {
    private static final DateTimeFormatter OFFSET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    public static String offset(Instant instant) {
        return instant == null ? null : OFFSET.format(instant);
    }
}
