package com.auditybridge.db;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionStatus;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source db-scheduler gets: inside a Micronaut transaction it hands out that
 * transaction's connection (whose close is ignored, the transaction owns it), so scheduling a
 * run's task commits or rolls back with the run; outside one it hands out a pooled connection.
 */
public final class TransactionJoiningDataSource implements DataSource {
    private final DataSource pool;
    private final ConnectionOperations<Connection> connections;

    public TransactionJoiningDataSource(DataSource pool, ConnectionOperations<Connection> connections) {
        this.pool = pool;
        this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Optional<ConnectionStatus<Connection>> current = connections.findConnectionStatus();
        if (current.isPresent()) {
            Connection joined = current.get().getConnection();
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> "close".equals(method.getName()) ? null : method.invoke(joined, args));
        }
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
