package com.auditybridge.audity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

@Serdeable
public record LeadPage(
        List<Lead> data,
        @Nullable Map<String, Object> pagination,
        @Nullable Map<String, Object> filters) {}
