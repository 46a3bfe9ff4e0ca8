package com.auditybridge.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.MutableClock;
import com.auditybridge.testing.PostgresOnly;
import com.auditybridge.testing.StatementCounter;
import com.auditybridge.testing.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budgets in Postgres, as three replicas see them: three stores of their own (three proxy managers, three
 * connections of one pool) on one schema, one clock moved by hand. Together they keep the limit in every sliding minute, a
 * 429 met by one pauses the others, and one budget check costs one short transaction.
 */
@PostgresOnly
class BudgetsOnPostgresTest {
    private static final Logger LOG = LoggerFactory.getLogger(BudgetsOnPostgresTest.class);
    private static final String FINGERPRINT = "0123456789abcdef";
    private final MutableClock clock = new MutableClock();
    private final StatementCounter counter = new StatementCounter();
    private TestDatabase database;
    private HikariDataSource pool;
    private DataSource dataSource;

    @BeforeEach
    void migrate() {
        database = TestDatabase.inMemory("budgets");
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(database.url());
        pg.setUser("postgres");
        Flyway.configure()
                .dataSource(pg)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername("postgres");
        config.setMaximumPoolSize(3);
        pool = new HikariDataSource(config);
        dataSource = counter.counting(pool);
    }

    @AfterEach
    void drop() {
        pool.close();
        database.close();
    }

    @Test
    void threeReplicasSpendingOneTokenTogetherKeepItsLimitInEverySlidingMinuteAndUseNearlyAllOfIt() {
        BucketShape writes = BucketShape.of(20, 2, Duration.ofMillis(500));
        List<Budgets> replicas = List.of(replica(), replica(), replica());
        Deque<Instant> window = new ArrayDeque<>();
        int peak = 0;
        int calls = 0;
        Instant end = clock.instant().plus(Duration.ofMinutes(3));
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMillis(250));
            for (Budgets replica : replicas) {
                if (replica.take(BudgetKey.upstream(CallClass.AUDITY_WRITE, FINGERPRINT, writes))
                        .isZero()) {
                    calls++;
                    window.addLast(clock.instant());
                    while (window.peekFirst().isBefore(clock.instant().minus(Duration.ofMinutes(1)))) {
                        window.removeFirst();
                    }
                    peak = Math.max(peak, window.size());
                }
            }
        }
        LOG.info("three replicas, 3 minutes at writes 20/min: {} calls, peak {} in a minute", calls, peak);
        assertThat(peak).isBetween(19, 20);
        assertThat(calls).as("of 60 over 3 minutes").isGreaterThanOrEqualTo(54);
    }

    @Test
    void aPauseSetByOneReplicaHoldsEveryReplicaBackForAtLeastItsLength() {
        BucketShape reads = BucketShape.of(100, 2, Duration.ofMillis(500));
        BudgetKey key = BudgetKey.upstream(CallClass.AUDITY_READ, FINGERPRINT, reads);
        Budgets one = replica();
        Budgets other = replica();
        assertThat(other.take(key)).isZero();

        one.pause(key, Duration.ofSeconds(20));

        Duration wait = other.take(key);
        assertThat(wait).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(22));
        clock.advance(wait);
        assertThat(other.take(key)).isZero();
        assertThat(one.views())
                .singleElement()
                .satisfies(view -> assertThat(view.store()).isEqualTo("database"));
    }

    @Test
    void aBudgetCheckIsOneTransactionOfThreeStatementsOnceItsBucketExists() {
        BucketShape polls = BucketShape.of(120, 2, Duration.ofMillis(500));
        BudgetKey key = BudgetKey.upstream(CallClass.AUDITY_POLL, FINGERPRINT, polls);
        Budgets replica = replica();
        replica.take(key);
        int checks = 200;
        long start = System.nanoTime();
        StatementCounter.Sent sent = counter.during(() -> {
            for (int i = 0; i < checks; i++) {
                clock.advance(Duration.ofSeconds(1));
                replica.take(key);
            }
        });
        double millis = (System.nanoTime() - start) / 1e6 / checks;
        LOG.info(
                "a budget check on Postgres: {} ms, {} statements and {} commit",
                String.format("%.2f", millis),
                sent.count() / (double) checks,
                sent.commits() / (double) checks);
        assertThat(sent.count()).as("set local, select for update, update").isEqualTo(3 * checks);
        assertThat(sent.commits()).isEqualTo(checks);
    }

    @Test
    void concurrentChecksOfOneBucketGoTogetherInFewerTransactionsAndEachGetsItsOwnAnswer() {
        BucketShape inbound = BucketShape.of(1000, 100, Duration.ZERO);
        BudgetKey key = BudgetKey.inbound("conn-1", inbound);
        Budgets replica = replica();
        replica.take(key);
        int[] admitted = new int[1];
        StatementCounter.Sent sent = counter.during(() -> admitted[0] = takeAtOnce(replica, key, 16, 20));
        LOG.info("{} concurrent checks of one bucket: {} transactions", 16 * 20, sent.commits());
        // The clock stands still: the bucket held its burst less the first check, and not one token more goes out.
        assertThat(admitted[0]).isEqualTo(inbound.capacity() - 1);
        assertThat(sent.commits()).isLessThan(16 * 20);
    }

    @Test
    void concurrentFirstChecksOfANewBucketAndChecksAfterRetentionDeletedItAllGetAnAnswer() throws Exception {
        BudgetKey key = BudgetKey.inbound("conn-2", BucketShape.of(1000, 100, Duration.ZERO));
        Budgets replica = replica();

        assertThat(takeAtOnce(replica, key, 32, 2)).isEqualTo(64);

        for (int round = 0; round < 5; round++) {
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("delete from upstream_budget");
            }
            assertThat(takeAtOnce(replica, key, 32, 2))
                    .as("a bucket made anew is full")
                    .isEqualTo(64);
        }
    }

    /** {@code threads} threads each taking {@code each} tokens of {@code key} at once; how many were admitted. */
    private static int takeAtOnce(Budgets replica, BudgetKey key, int threads, int each) {
        AtomicInteger admitted = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(workers.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < each; i++) {
                        if (replica.take(key).isZero()) {
                            admitted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("a check failed", e);
        } finally {
            workers.shutdown();
        }
        return admitted.get();
    }

    private Budgets replica() {
        return new Budgets(new DatabaseBudgetStore(dataSource, clock), clock, new SimpleMeterRegistry());
    }
}
