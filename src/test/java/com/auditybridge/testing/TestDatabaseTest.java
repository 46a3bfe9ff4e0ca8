package com.auditybridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** The bridge test base really puts the service on the database the build asked for. */
@MicronautTest(environments = "sim", transactional = false)
class TestDatabaseTest extends BridgeTestBase {

    @Test
    void theServiceRunsOnPostgresInItsOwnSchemaWhenAskedAndOnH2Otherwise() {
        String product = jdbc.execute(connection -> connection.getMetaData().getDatabaseProductName());
        String schema = jdbc.execute(connection -> connection.getSchema());
        if (TestDatabase.postgres()) {
            assertThat(product).isEqualTo("PostgreSQL");
            assertThat(schema).isEqualTo(database().schema()).startsWith("bt_testdatabasetest_");
        } else {
            assertThat(product).isEqualTo("H2");
        }
    }

    @Test
    void theMigrationsRanInThatSchema() {
        assertThat(count("select count(*) from flyway_schema_history where success and version = '1'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from run")).isZero();
    }
}
