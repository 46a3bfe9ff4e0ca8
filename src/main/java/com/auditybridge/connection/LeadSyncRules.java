package com.auditybridge.connection;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;

/**
 * Which leads a sync may convert, and how much it may spend.
 *
 * @param creditFloor credits that must remain after the sync's conversions, kept as whole projects of
 *                    Audity's {@code projectsRemaining}
 */
@Serdeable
public record LeadSyncRules(double minScore, Duration maxAge, int maxPerDay, long creditFloor) {}
