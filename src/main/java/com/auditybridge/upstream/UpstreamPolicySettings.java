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
 * @param burst              calls a token may make back to back in one class (default 2; see Lane)
 * @param maxAttempts        attempts of one step before a transient failure fails the run (default 8)
 * @param initialBackoff     first retry delay, doubled each attempt with jitter (default 2s)
 * @param maxBackoff         cap of one retry delay (default 5m)
 * @param circuitWaitInOpen  how long an open circuit refuses calls (default 30s)
 * @param replicas           how many replicas share each token (default 1, {@code UPSTREAM_REPLICAS}): every
 *                           replica keeps its own lanes in memory, so each takes {@code limit / replicas} of
 *                           every per-minute limit (rounded down, at least 1) and together they stay within it
 * @param maxRetryAfter      the longest upstream {@code Retry-After} honoured (default 1h): one header must not park a
 *                           token's lane, or a run, for longer
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
        @Bindable(defaultValue = "1") int replicas,
        @Bindable(defaultValue = "1h") Duration maxRetryAfter) {

    /** This replica's share of a token's per-minute limit for {@code callClass}. */
    public int perMinute(CallClass callClass) {
        return Math.max(1, tokenLimit(callClass) / Math.max(1, replicas));
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
