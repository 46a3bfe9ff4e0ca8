package com.auditybridge.connection;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A caller's world: its Audity token (and optional repo-audit token), the secret its callbacks are
 * signed with, its own inbound rate and lead-sync rules (null: the configured defaults), the private networks its
 * callbacks may reach ({@link PrivateNetworks}), and the parts of a finished audit its runs read when their hook
 * does not say ({@link AuditPart}; empty: none). Everything a
 * caller creates belongs to one connection and is invisible to others. {@code toString} is overridden
 * so that a connection in a log line never shows a secret.
 */
public record Connection(
        String id,
        String audityToken,
        @Nullable String repoAuditToken,
        @Nullable String signingSecret,
        @Nullable Integer requestsPerMinute,
        @Nullable LeadSyncRules leadSync,
        PrivateNetworks privateNetworks,
        List<AuditPart> include) {

    public static final String DEFAULT_ID = "default";

    public Connection {
        privateNetworks = privateNetworks == null ? PrivateNetworks.NONE : privateNetworks;
        include = include == null ? List.of() : List.copyOf(include);
    }

    public Connection(String id, String audityToken, String repoAuditToken, String signingSecret) {
        this(id, audityToken, repoAuditToken, signingSecret, null, null, PrivateNetworks.NONE, List.of());
    }

    @Override
    public String toString() {
        return "Connection[" + id + "]";
    }
}
