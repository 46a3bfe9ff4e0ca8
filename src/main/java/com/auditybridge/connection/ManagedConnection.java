package com.auditybridge.connection;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/** A connection made through the admin API, its secrets opened. {@code toString} shows none of them. */
public record ManagedConnection(
        String id,
        String name,
        String audityToken,
        @Nullable String repoAuditToken,
        String signingSecret,
        @Nullable Integer requestsPerMinute,
        @Nullable LeadSyncRules leadSync,
        PrivateNetworks privateNetworks,
        List<AuditPart> include,
        Instant createdAt,
        Instant updatedAt) {

    public Connection connection() {
        return new Connection(
                id, audityToken, repoAuditToken, signingSecret, requestsPerMinute, leadSync, privateNetworks, include);
    }

    @Override
    public String toString() {
        return "ManagedConnection[" + id + ", " + name + "]";
    }
}
