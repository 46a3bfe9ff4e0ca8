package com.auditybridge.audity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record CurrentUser(
        boolean success,
        String userId,
        @Nullable String userEmail,
        @Nullable String authMethod) {}
