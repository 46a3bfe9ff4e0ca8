package com.auditybridge.connection;

/**
 * A caller's world: its Audity token (and optional repo-audit token), the secret its callbacks are
 * signed with. Everything a caller creates belongs to one connection and is invisible to others.
 * {@code toString} is overridden so that a connection in a log line never shows a secret.
 */
public record Connection(String id, String audityToken, String repoAuditToken, String signingSecret) {

    public static final String DEFAULT_ID = "default";

    @Override
    public String toString() {
        return "Connection[" + id + "]";
    }
}
