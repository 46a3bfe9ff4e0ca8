package com.auditybridge.sim.repoaudit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One repo audit. Its stage is a function of the clock; a failing audit fails at the end of the stage
 * chosen when it was submitted, so every poll tells the same story.
 *
 * @param failAt index in {@link #STAGES} of the stage that fails, or -1
 */
record SimAudit(
        String id,
        String repoUrl,
        String callerKey,
        String userId,
        Instant createdAt,
        Duration stageDuration,
        int failAt) {

    static final List<String> STAGES = List.of("queued", "ingesting", "indexing", "critiquing", "complete");

    private int reached(Instant now) {
        long elapsed = Math.max(0, Duration.between(createdAt, now).toMillis());
        return (int) Math.min(STAGES.size() - 1, elapsed / Math.max(1, stageDuration.toMillis()));
    }

    boolean failed(Instant now) {
        return failAt >= 0 && reached(now) > failAt;
    }

    String status(Instant now) {
        return failed(now) ? "failed" : STAGES.get(reached(now));
    }

    String stage(Instant now) {
        return failed(now) ? STAGES.get(failAt) : STAGES.get(reached(now));
    }

    boolean inFlight(Instant now) {
        String status = status(now);
        return !"complete".equals(status) && !"failed".equals(status);
    }

    boolean complete(Instant now) {
        return "complete".equals(status(now));
    }
}
