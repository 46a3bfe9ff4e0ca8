package com.auditybridge.run;

import java.time.Instant;

/** A run as stored. Steps read it; only {@link RunStore} writes it. */
public record Run(
        String id,
        String connectionId,
        Flow flow,
        RunStatus status,
        String step,
        String input,
        String callbackUrl,
        String leadId,
        String projectId,
        String jobId,
        String analysisId,
        String auditId,
        String result,
        RunError error,
        int attempts,
        Instant stepStartedAt,
        Instant waitDeadline,
        Instant nextAt,
        Instant convertAttemptedAt,
        Instant convertConfirmedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {

    /** A conversion was attempted and no answer confirmed or refused it: never call convert again. */
    public boolean conversionInDoubt() {
        return convertAttemptedAt != null && convertConfirmedAt == null;
    }
}
