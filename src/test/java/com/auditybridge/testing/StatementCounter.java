package com.auditybridge.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Counts what the bridge sends its database, in a test that sets {@code test.count-statements=true}: every statement
 * executed (one round trip each; a batch counts once) and every commit, on every connection of the data source. It
 * wraps the pool itself, beneath Micronaut's transaction-aware proxy, so the service's stores, db-scheduler and the
 * budget checks are all counted, as they reach the pool.
 */
@Singleton
@Requires(property = "test.count-statements", value = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StatementCounter implements BeanCreatedEventListener<DataSource> {
    private static final Set<String> EXECUTIONS =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch");
    private final List<String> statements = new ArrayList<>();
    private int commits;

    /** What was sent between two snapshots. */
    public record Sent(List<String> statements, int commits) {
        public int count() {
            return statements.size();
        }

        @Override
        public String toString() {
            return statements.size() + " statements, " + commits + " commits:\n  " + String.join("\n  ", statements);
        }
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return counting(event.getBean());
    }

    /** {@code pool}, counted. */
    public DataSource counting(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, pool, args);
                    return result instanceof Connection connection ? connection(connection) : result;
                });
    }

    /** Everything sent while {@code work} ran. */
    public Sent during(Runnable work) {
        int statementsBefore;
        int commitsBefore;
        synchronized (this) {
            statementsBefore = statements.size();
            commitsBefore = commits;
        }
        work.run();
        synchronized (this) {
            return new Sent(
                    List.copyOf(statements.subList(statementsBefore, statements.size())), commits - commitsBefore);
        }
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        synchronized (this) {
                            commits++;
                        }
                    }
                    Object result = invoke(method, target, args);
                    if (result instanceof Statement statement) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                        return statement(statement, sql, method.getReturnType());
                    }
                    return result;
                });
    }

    private Object statement(Statement target, String preparedSql, Class<?> type) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                synchronized (this) {
                    statements.add(sql == null ? "?" : sql.replaceAll("\\s+", " "));
                }
            }
            return invoke(method, target, args);
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
