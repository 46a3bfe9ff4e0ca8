package com.auditybridge.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The database a test's bridge runs on: H2 by default, or a fresh schema of the local Postgres when the
 * build asks for it ({@code -Ppostgres}, i.e. {@code -Dbridge.test.database=postgres}). Without a Postgres
 * server the Postgres mode skips locally, and fails under {@code CI=true}.
 */
public final class TestDatabase implements AutoCloseable {
    static final String SERVER =
            System.getProperty("bridge.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("bridge.test.postgres-user", "postgres");
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final String url;
    private final String schema;

    private TestDatabase(String url, String schema) {
        this.url = url;
        this.schema = schema;
    }

    /** Whether this build runs the bridge on Postgres. */
    public static boolean postgres() {
        String mode =
                System.getProperty("bridge.test.database", System.getenv().getOrDefault("BRIDGE_TEST_DATABASE", "h2"));
        return "postgres".equalsIgnoreCase(mode.trim());
    }

    /** A database that lives as long as the JVM (H2 in memory) or this object (a Postgres schema). */
    public static TestDatabase inMemory(String name) {
        return postgres()
                ? freshSchema(name)
                : new TestDatabase("jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1", null);
    }

    /** A database that outlives the application contexts started on it: an H2 file, or a Postgres schema. */
    public static TestDatabase onDisk(Path file) {
        return postgres()
                ? freshSchema(file.getFileName().toString())
                : new TestDatabase("jdbc:h2:file:" + file.toAbsolutePath() + H2_OPTIONS, null);
    }

    private static TestDatabase freshSchema(String name) {
        String plain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String schema = "bt_" + plain.substring(0, Math.min(40, plain.length())) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = server();
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema + " on " + SERVER, e);
        }
        return new TestDatabase(SERVER + "?currentSchema=" + schema, schema);
    }

    /** A plain connection to the Postgres server; skips the test (fails it under CI=true) when none answers. */
    static Connection server() {
        try {
            return DriverManager.getConnection(SERVER, USER, "");
        } catch (SQLException e) {
            String why = "no Postgres at " + SERVER + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and the Postgres suite was asked for, but " + why, e);
            }
            Assumptions.abort(why + "; start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start");
            throw new AssertionError("unreachable");
        }
    }

    public String url() {
        return url;
    }

    /** The schema of the Postgres mode, or null on H2. */
    public String schema() {
        return schema;
    }

    /** A plain connection to this database, for a test to read what the replicas wrote. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, schema == null ? "sa" : USER, "");
    }

    /** The datasource settings of a bridge on this database. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        if (schema != null) {
            properties.put("datasources.default.username", USER);
            properties.put("datasources.default.password", "");
        }
        return properties;
    }

    /** Drops the Postgres schema with everything in it; H2 databases are left to the JVM. */
    @Override
    public void close() {
        if (schema == null) {
            return;
        }
        try (Connection connection = server();
                Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = '10s'");
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + schema, e);
        }
    }
}
