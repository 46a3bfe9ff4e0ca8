package com.auditybridge.upstream;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A data source whose transactions commit without waiting for the disk ({@code SET LOCAL synchronous_commit = off},
 * Postgres): a budget check writes its bucket's row at every call, and waiting for a flush would make it cost a disk
 * write each. What a crash of the database can lose is the last fraction of a second of budget use, so a few calls
 * could be made again once; the upstream's own 429 still stops them. Only this transaction is affected: the pool's
 * other users keep durable commits.
 */
final class UnflushedCommits {
    private UnflushedCommits() {}

    static DataSource of(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(
                UnflushedCommits.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    return result instanceof Connection connection ? wrap(connection) : result;
                });
    }

    private static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                UnflushedCommits.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(method, connection, args);
                    if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("set local synchronous_commit = off");
                        }
                    }
                    return result;
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
