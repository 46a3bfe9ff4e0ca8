package com.auditybridge.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.Application;
import com.auditybridge.testing.FreePort;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 keeps committed transactions in memory for up to half a second unless told otherwise, and a killed process
 * loses them (a recorded conversion intent among them). Whatever H2 URL the operator gives, the bridge writes through.
 */
class H2WriteDelayTest {

    @Test
    void aBridgeGivenAnH2FileUrlWithoutWriteDelayStillRunsWithWriteDelayZero(@TempDir Path dir) throws SQLException {
        assertThat(writeDelay("jdbc:h2:file:" + dir.resolve("plain")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"))
                .isEqualTo("0");
    }

    @Test
    void aBridgeGivenAnH2FileUrlWithAnotherWriteDelayStillRunsWithWriteDelayZero(@TempDir Path dir)
            throws SQLException {
        assertThat(writeDelay("jdbc:h2:file:" + dir.resolve("delayed")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;write_delay=500"))
                .isEqualTo("0");
    }

    @Test
    void onlyAnH2UrlLackingWriteDelayZeroIsChanged() {
        assertThat(H2WriteThrough.writeThrough("jdbc:h2:file:./data/b;MODE=PostgreSQL;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:./data/b;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(H2WriteThrough.writeThrough("jdbc:h2:file:./data/b;write_delay=1000;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/b;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(H2WriteThrough.writeThrough("jdbc:postgresql://db:5432/bridge"))
                .isEqualTo("jdbc:postgresql://db:5432/bridge");
    }

    private static String writeDelay(String url) throws SQLException {
        int port = FreePort.find();
        try (ApplicationContext context = Micronaut.build(new String[0])
                        .mainClass(Application.class)
                        .properties(Map.of(
                                "micronaut.server.port",
                                port,
                                "endpoints.all.port",
                                port,
                                "test.scheduler",
                                "manual",
                                "datasources.default.url",
                                url))
                        .start();
                Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class))
                        .getConnection();
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery(
                                "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
