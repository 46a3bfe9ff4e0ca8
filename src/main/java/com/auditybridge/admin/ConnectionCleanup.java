package com.auditybridge.admin;

import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * What a deleted connection leaves behind that must not outlive it: its subscriptions, generated
 * signing secret and webhook token. Its runs stay readable in the database and fail with CONNECTION_GONE at their next
 * step; its pending callbacks are cancelled when they come due.
 */
@Singleton
class ConnectionCleanup {
    private final JdbcOperations jdbc;

    ConnectionCleanup(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void forget(String connectionId) {
        for (String table : new String[] {"subscription", "signing_secret", "webhook_token"}) {
            jdbc.prepareStatement("delete from " + table + " where connection_id = ?", ps -> {
                Sql.bind(ps, connectionId);
                return ps.executeUpdate();
            });
        }
    }
}
