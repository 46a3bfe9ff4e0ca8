package com.auditybridge.run;

import java.time.Instant;

/**
 * A run as stored. Steps read it; only {@link RunStore} writes it. {@code version} grows with every change of
 * state: a step's transition applies only to the version the step read, so a revived execution never acts twice.
 */
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
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        long version) {}
