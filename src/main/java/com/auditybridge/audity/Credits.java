package com.auditybridge.audity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The credit balance. Only {@code canCreateProject}, {@code projectsRemaining} and {@code nextReset}
 * are documented by name; {@code balance}, {@code allocation} and {@code used} are inferred.
 */
@Serdeable
public record Credits(
        @Nullable Boolean success,
        @Nullable Long balance,
        @Nullable Long allocation,
        @Nullable Long used,
        @Nullable Boolean canCreateProject,
        @Nullable Integer projectsRemaining,
        @Nullable Instant nextReset) {}
