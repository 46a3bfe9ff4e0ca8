package com.auditybridge.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
public record TimelineEntry(
        Instant at, String step, String outcome, @Nullable String detail) {}
