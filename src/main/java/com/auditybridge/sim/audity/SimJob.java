package com.auditybridge.sim.audity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An async audit job. Its state is a function of the clock: pending, then processing, then completed or
 * failed (decided when it was created, so the outcome is stable however often it is polled).
 *
 * @param sequence creation order across all jobs, which tells apart jobs created at the same instant
 */
record SimJob(
        String id,
        long sequence,
        String projectId,
        String accountKey,
        Instant createdAt,
        Duration pending,
        Duration processing,
        boolean fails) {

    Instant startedAt() {
        return createdAt.plus(pending);
    }

    Instant finishedAt() {
        return startedAt().plus(processing);
    }

    String status(Instant now) {
        if (now.isBefore(startedAt())) {
            return "pending";
        }
        if (now.isBefore(finishedAt())) {
            return "processing";
        }
        return fails ? "failed" : "completed";
    }

    boolean completedBy(Instant now) {
        return "completed".equals(status(now));
    }

    String analysisId() {
        return UUID.nameUUIDFromBytes((id + ":analysis").getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
