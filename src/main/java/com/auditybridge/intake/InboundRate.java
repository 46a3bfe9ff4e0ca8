package com.auditybridge.intake;

import com.auditybridge.connection.Connection;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.run.IntakeSettings;
import com.auditybridge.upstream.BucketShape;
import com.auditybridge.upstream.BudgetKey;
import com.auditybridge.upstream.Budgets;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;

/**
 * Each connection's own inbound rate (429 RATE_LIMITED, docs/api.md): at most {@code requestsPerMinute} hook calls in any sliding minute, for
 * all replicas together. A token bucket in the budgets' store (the shared database on Postgres) holds a tenth of the
 * rate for bursts and refills the rest over the minute (see BucketShape). A refused call counts for nothing.
 */
@Singleton
public class InboundRate {
    private final IntakeSettings settings;
    private final Budgets budgets;

    public InboundRate(IntakeSettings settings, Budgets budgets) {
        this.settings = settings;
        this.budgets = budgets;
    }

    /** Admits one hook call of the connection, within its own limit or {@code bridge.intake.requests-per-minute}. */
    public void admit(Connection connection) {
        int limit =
                connection.requestsPerMinute() != null ? connection.requestsPerMinute() : settings.requestsPerMinute();
        BucketShape shape = BucketShape.of(limit, limit, Duration.ZERO);
        Duration wait = budgets.take(BudgetKey.inbound(connection.id(), shape));
        if (wait.isZero()) {
            return;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        throw new ProblemException(
                Problem.of(
                        429,
                        "RATE_LIMITED",
                        "Too many requests",
                        "This connection sends more than " + limit + " hook calls a minute; retry after " + seconds
                                + " s."),
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
