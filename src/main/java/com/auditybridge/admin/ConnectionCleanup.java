package com.auditybridge.admin;

import com.auditybridge.db.Sql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * What a deleted connection leaves behind that must not outlive it: its subscriptions, generated
 * signing secret, webhook token, and the conversion records that outlived their runs. Its runs stay readable in the
 * database and fail with CONNECTION_GONE at their next step (retention deletes them, and their paid-call
 * records, once they have ended long enough); its pending callbacks are cancelled when they come due.
 */
@Singleton
class ConnectionCleanup {
    private final JdbcOperations jdbc;

    ConnectionCleanup(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void forget(String connectionId) {
        for (String table : new String[] {"subscription", "signing_secret", "webhook_token"}) {
            Sql.update(jdbc, "delete from " + table + " where connection_id = ?", connectionId);
        }
        // The conversions retention kept after their runs were deleted, for a new run of the same lead to find.
        Sql.update(
                jdbc,
                "delete from paid_call where connection_id = ?"
                        + " and not exists (select 1 from run r where r.id = paid_call.run_id)",
                connectionId);
    }
}
