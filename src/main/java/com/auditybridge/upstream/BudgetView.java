package com.auditybridge.upstream;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One budget as the operator sees it.
 *
 * @param budget          {@code AUDITY_READ}, {@code AUDITY_WRITE}, {@code AUDITY_POLL}, {@code REPO_SUBMIT},
 *                        {@code REPO_STATUS}, or {@code INBOUND} (a connection's hook rate)
 * @param owner           the token's fingerprint (first 16 hex digits of its SHA-256), or the connection's id
 * @param limitPerMinute  the most calls in any sliding minute
 * @param burst           the most calls back to back
 * @param available       tokens in the bucket now, for every replica; below zero while a 429 pauses it
 * @param waitMillis      until the next call may go (0: now)
 * @param usedLastMinute  calls this replica let through in the last minute
 * @param store           {@code database} (shared by all replicas) or {@code memory} (this replica's)
 */
@Serdeable
public record BudgetView(
        String budget,
        String owner,
        int limitPerMinute,
        int burst,
        long available,
        long waitMillis,
        int usedLastMinute,
        String store) {}
