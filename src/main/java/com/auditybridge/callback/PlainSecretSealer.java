package com.auditybridge.callback;

import com.auditybridge.connection.SecretBox;
import com.auditybridge.db.Sql;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets written before they were encrypted (V3: generated signing secrets, subscription secrets in plain
 * text) are sealed at the first start that has a key. Until then {@link SecretBox#open} reads them as they are.
 */
@Singleton
public class PlainSecretSealer {
    private static final Logger LOG = LoggerFactory.getLogger(PlainSecretSealer.class);
    private final JdbcOperations jdbc;
    private final SecretBox box;

    public PlainSecretSealer(JdbcOperations jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        sealPlainSecrets();
    }

    @Transactional
    public void sealPlainSecrets() {
        if (box.canSeal()) {
            int sealed = seal("signing_secret", "connection_id") + seal("subscription", "id");
            if (sealed > 0) {
                LOG.info("Sealed {} secrets stored in plain text before encryption at rest", sealed);
            }
        }
    }

    private int seal(String table, String key) {
        List<String[]> plain = jdbc.prepareStatement(
                "select " + key + ", secret from " + table + " where secret not like 'sb1:%'", ps -> {
                    List<String[]> rows = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new String[] {rs.getString(1), rs.getString(2)});
                        }
                    }
                    return rows;
                });
        for (String[] row : plain) {
            Sql.update(
                    jdbc,
                    "update " + table + " set secret = ? where " + key + " = ? and secret = ?",
                    box.seal(row[1]),
                    row[0],
                    row[1]);
        }
        return plain.size();
    }
}
