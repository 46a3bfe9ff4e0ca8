package com.auditybridge.upstream;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The buckets in Postgres ({@code upstream_budget}), shared by every replica: Bucket4j locks a bucket's row
 * ({@code SELECT … FOR UPDATE}), applies the call to its state and writes it back, in a transaction of its own on a
 * connection of its own, so a budget check never joins, nor commits, a caller's transaction. One check is one such
 * transaction: select, update, commit (an insert too, the first time), committed without waiting for the disk
 * ({@link UnflushedCommits}). Each write also says when the bucket is full again ({@link RefilledAt}), so that retention
 * can delete the buckets no longer used. Concurrent checks of one bucket on this replica are batched into one such
 * transaction ({@link #recreatingWhenMissing}).
 */
final class DatabaseBudgetStore implements BudgetStore {
    static final String TABLE = "upstream_budget";
    private final ProxyManager<String> buckets;
    private final Map<String, Bucket> proxies = new ConcurrentHashMap<>();
    private final DataSource dataSource;

    DatabaseBudgetStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(UnflushedCommits.of(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .addCustomColumn(new RefilledAt())
                .clientClock(new ClockTimeMeter(clock))
                .build();
    }

    @Override
    public Bucket bucket(String key, BucketShape shape) {
        return proxies.computeIfAbsent(
                key,
                k -> recreatingWhenMissing(
                        buckets.builder()
                                .withOptimization(Optimizations.batching())
                                .build(k, shape::configuration),
                        buckets.builder().build(k, shape::configuration)));
    }

    /**
     * Batching: checks of one bucket that arrive while one is at the database wait for it and then go together, as one
     * transaction applying each in turn, instead of queueing one by one on the bucket's row lock (and holding a pool
     * connection each meanwhile). Each check still gets its own exact answer. A batch does not make a bucket whose
     * row is missing (new, or deleted by retention) and fails instead: the call is then made again unbatched, which
     * makes the row with the bucket's configuration.
     */
    private static Bucket recreatingWhenMissing(Bucket batched, Bucket plain) {
        return (Bucket) Proxy.newProxyInstance(
                DatabaseBudgetStore.class.getClassLoader(), new Class<?>[] {Bucket.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(batched, args);
                    } catch (InvocationTargetException e) {
                        if (!missing(e.getCause())) {
                            throw e.getCause();
                        }
                    }
                    try {
                        return method.invoke(plain, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean missing(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement("select id from " + TABLE);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the budgets", e);
        }
        return keys;
    }

    @Override
    public String kind() {
        return "database";
    }
}
