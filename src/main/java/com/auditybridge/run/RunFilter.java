package com.auditybridge.run;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * What a runs listing keeps; every member is optional and they all apply together.
 *
 * @param createdFrom runs created at or after this instant
 * @param createdTo   runs created before this instant
 */
public record RunFilter(
        @Nullable Flow flow,
        @Nullable RunStatus status,
        @Nullable String leadId,
        @Nullable String projectId,
        @Nullable Instant createdFrom,
        @Nullable Instant createdTo) {}
