package com.auditybridge.audity;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record Tier(boolean success, String tier, String userId) {}
