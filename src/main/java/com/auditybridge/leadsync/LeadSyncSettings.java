package com.auditybridge.leadsync;

import com.auditybridge.connection.LeadSyncRules;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The scheduled lead sync of the {@code default} connection, and the rules of every connection that
 * has none of its own.
 *
 * @param enabled     run on the schedule (default false; the on-demand endpoint works regardless)
 * @param cron        db-scheduler cron expression with seconds (default every 15 minutes)
 * @param minScore    least aiReadinessScore (or compositeScore when that is absent) to convert (default 70)
 * @param maxAge      leads older than this are left alone (default 14 days, Audity's own triage advice)
 * @param maxPerDay   conversions started per UTC day at most (default 5)
 * @param creditFloor credits that must remain after the sync's conversions (default 2000). Audity documents
 *                    the projects that remain ({@code projectsRemaining}, 1,000 credits each), not the
 *                    credits, so the floor is kept as whole projects, rounded up: 2000 keeps 2, 1500 keeps 2
 *                    ({@link CreditAllowance})
 * @param callbackUrl where the started runs report (optional)
 * @param pageSize    leads read per sync (default 50)
 */
@ConfigurationProperties("bridge.lead-sync")
public record LeadSyncSettings(
        @Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "0 */15 * * * *") String cron,
        @Bindable(defaultValue = "70") double minScore,
        @Bindable(defaultValue = "14d") Duration maxAge,
        @Bindable(defaultValue = "5") int maxPerDay,
        @Bindable(defaultValue = "2000") long creditFloor,
        @Nullable String callbackUrl,
        @Bindable(defaultValue = "50") int pageSize) {

    public LeadSyncRules rules() {
        return new LeadSyncRules(minScore, maxAge, maxPerDay, creditFloor);
    }
}
