package com.auditybridge.intake;

import com.auditybridge.connection.Connection;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.run.IntakeSettings;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each connection's own inbound rate (429 beyond it): at most {@code requestsPerMinute} hook
 * calls in any sliding minute, counted per replica. A refused call counts for nothing.
 */
@Singleton
public class InboundRate {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Map<String, Deque<Instant>> calls = new ConcurrentHashMap<>();
    private final IntakeSettings settings;
    private final Clock clock;

    public InboundRate(IntakeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Admits one hook call of the connection, within its own limit or {@code bridge.intake.requests-per-minute}. */
    public void admit(Connection connection) {
        String connectionId = connection.id();
        int limit =
                connection.requestsPerMinute() != null ? connection.requestsPerMinute() : settings.requestsPerMinute();
        Instant now = clock.instant();
        Deque<Instant> window = calls.computeIfAbsent(connectionId, id -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && !window.peekFirst().plus(WINDOW).isAfter(now)) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                long wait = Math.max(
                        1,
                        Duration.between(now, window.peekFirst().plus(WINDOW)).toSeconds());
                throw new ProblemException(
                        Problem.of(
                                429,
                                "RATE_LIMITED",
                                "Too many requests",
                                "This connection sends more than " + limit + " hook calls a minute;" + " retry after "
                                        + wait + " s."),
                        Map.of("Retry-After", Long.toString(wait)));
            }
            window.addLast(now);
        }
    }
}
