package com.auditybridge.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run as the runs API shows it. */
@Serdeable
public record RunView(
        String runId,
        String flow,
        String status,
        String step,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt,
        Map<String, Object> input,
        @Nullable Map<String, Object> result,
        @Nullable RunError error,
        int attempts,
        @Nullable List<TimelineEntry> timeline) {}
