package com.auditybridge.sim.repoaudit;

import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Behaviour of the repo-audit simulator ({@code sim.repo-audit.*}); defaults follow the published API.
 *
 * @param stageDuration      time spent in each of queued, ingesting, indexing, critiquing (2 s)
 * @param failureRate        share of audits that fail; the fault setting can raise it (0)
 * @param signedInDailyLimit audits per signed-in caller per rolling 24 h (5)
 * @param anonymousDailyLimit audits per anonymous IP per rolling 24 h (1)
 * @param maxInFlight        global concurrency cap before 503 (3)
 * @param submitsPerMinute   submits per caller per minute (10)
 * @param statusPerMinute    status polls per caller per minute (120)
 * @param quotaPerMinute     quota reads per caller per minute (60)
 * @param historyPerMinute   history reads and deletes per caller per minute (30)
 */
@ConfigurationProperties("sim.repo-audit")
@Requires(env = SimulatorActivation.ENVIRONMENT)
public record RepoAuditConfig(
        @Bindable(defaultValue = "2s") Duration stageDuration,
        @Bindable(defaultValue = "0") double failureRate,
        @Bindable(defaultValue = "5") int signedInDailyLimit,
        @Bindable(defaultValue = "1") int anonymousDailyLimit,
        @Bindable(defaultValue = "3") int maxInFlight,
        @Bindable(defaultValue = "10") int submitsPerMinute,
        @Bindable(defaultValue = "120") int statusPerMinute,
        @Bindable(defaultValue = "60") int quotaPerMinute,
        @Bindable(defaultValue = "30") int historyPerMinute) {

    /** Quota windows are rolling 24 hours, not calendar days. */
    public static final Duration QUOTA_WINDOW = Duration.ofHours(24);
}
