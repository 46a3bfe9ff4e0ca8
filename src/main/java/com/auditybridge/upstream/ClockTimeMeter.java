package com.auditybridge.upstream;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/** The buckets read the service's clock, so that tests move their time too. */
record ClockTimeMeter(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
