package com.auditybridge.upstream;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks where the budgets live ({@code upstream.budget-store}): one code path, two backends. */
@Factory
public class BudgetStoreFactory {
    private static final Logger LOG = LoggerFactory.getLogger(BudgetStoreFactory.class);

    @Singleton
    BudgetStore budgetStore(
            UpstreamPolicySettings settings,
            BeanProvider<DataSource> dataSource,
            Clock clock,
            @Value("${datasources.default.url:}") String url) {
        String wanted = settings.budgetStore() == null
                ? "auto"
                : settings.budgetStore().trim().toLowerCase(Locale.ROOT);
        boolean database = switch (wanted) {
            case "database" -> true;
            case "memory" -> false;
            case "auto" -> url.startsWith("jdbc:postgresql");
            default ->
                throw new IllegalStateException(
                        "upstream.budget-store must be auto, database or memory, not " + settings.budgetStore());
        };
        BudgetStore store = database
                // The pool itself, not the transaction-aware wrapper: a budget check commits on its own connection.
                ? new DatabaseBudgetStore(DelegatingDataSource.unwrapDataSource(dataSource.get()), clock)
                : new MemoryBudgetStore(clock);
        LOG.info("per-token budgets kept in {}", store.kind());
        return store;
    }

    /** This replica's buckets only: tests and tools that run one gate without a database. */
    public static BudgetStore inMemory(Clock clock) {
        return new MemoryBudgetStore(clock);
    }
}
