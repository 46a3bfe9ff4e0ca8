package com.auditybridge.audity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/** A ReadyLink lead. {@code surveyStatus} is pending, completed, converted or archived. */
@Serdeable
public record Lead(
        String id,
        String surveyStatus,
        @Nullable Double aiReadinessScore,
        @Nullable Double compositeScore,
        @Nullable String webResearchStatus,
        @Nullable Instant createdAt,
        @Nullable String respondentName,
        @Nullable String respondentEmail,
        @Nullable String companyName,
        @Nullable Map<String, Object> surveyResponses) {

    public boolean converted() {
        return "converted".equals(surveyStatus);
    }
}
