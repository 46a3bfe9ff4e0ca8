package com.auditybridge.upstream;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits and retry policy for upstream calls, per token.
 *
 * @param readsPerMinute     Audity reads (default 100, the documented limit)
 * @param writesPerMinute    Audity writes (default 20)
 * @param pollsPerMinute     Audity job polls (default 120)
 * @param repoSubmitsPerMinute repo-audit submits (default 10)
 * @param repoStatusPerMinute  repo-audit status polls (default 120)
 * @param burst              calls a token may make back to back in one class (default 2, at most a tenth of the limit;
 *                           see BucketShape)
 * @param maxAttempts        attempts of one step before a transient failure fails the run (default 8)
 * @param initialBackoff     first retry delay, doubled each attempt with jitter (default 2s)
 * @param maxBackoff         cap of one retry delay (default 5m)
 * @param circuitWaitInOpen  how long an open circuit refuses calls (default 30s)
 * @param budgetMargin       how much longer than a minute a bucket takes to refill a minute's budget (default
 *                           500ms): the calls' travel time to the upstream, whose clock counts the minute
 * @param maxRetryAfter      the longest upstream {@code Retry-After} honoured (default 1h): one header must not park a
 *                           token's budget, or a run, for longer
 * @param budgetStore        where the per-token budgets live (default {@code auto}): {@code database} (shared by all
 *                           replicas; the Postgres the replicas share), {@code memory} (this replica only); {@code
 *                           auto} picks {@code database} on Postgres and {@code memory} on H2
 */
@ConfigurationProperties("upstream")
public record UpstreamPolicySettings(
        @Bindable(defaultValue = "100") int readsPerMinute,
        @Bindable(defaultValue = "20") int writesPerMinute,
        @Bindable(defaultValue = "120") int pollsPerMinute,
        @Bindable(defaultValue = "10") int repoSubmitsPerMinute,
        @Bindable(defaultValue = "120") int repoStatusPerMinute,
        @Bindable(defaultValue = "2") int burst,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "2s") Duration initialBackoff,
        @Bindable(defaultValue = "5m") Duration maxBackoff,
        @Bindable(defaultValue = "30s") Duration circuitWaitInOpen,
        @Bindable(defaultValue = "500ms") Duration budgetMargin,
        @Bindable(defaultValue = "1h") Duration maxRetryAfter,
        @Bindable(defaultValue = "auto") String budgetStore) {

    /** The bucket that keeps {@code callClass} within its limit. */
    public BucketShape shape(CallClass callClass) {
        return BucketShape.of(tokenLimit(callClass), burst, budgetMargin);
    }

    /** The whole per-minute limit of one token, as the upstream documents it. */
    public int tokenLimit(CallClass callClass) {
        return switch (callClass) {
            case AUDITY_READ -> readsPerMinute;
            case AUDITY_WRITE -> writesPerMinute;
            case AUDITY_POLL -> pollsPerMinute;
            case REPO_SUBMIT -> repoSubmitsPerMinute;
            case REPO_STATUS -> repoStatusPerMinute;
        };
    }
}
