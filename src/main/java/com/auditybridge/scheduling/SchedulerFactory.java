package com.auditybridge.scheduling;

import com.auditybridge.db.TransactionJoiningDataSource;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Builds the scheduler on the service's own data source and clock. Recurring tasks (retention) are handed to
 * db-scheduler as start tasks, so that starting the scheduler puts each on its schedule; a task only known to the
 * scheduler would be executed if scheduled, but nothing would ever schedule it.
 */
@Factory
public class SchedulerFactory {

    @Singleton
    @Bean(preDestroy = "stop")
    @Requires(property = "bridge.scheduler.enabled", notEquals = "false")
    Scheduler scheduler(
            DataSource dataSource,
            ConnectionOperations<Connection> connections,
            List<Task<?>> tasks,
            Clock clock,
            SchedulerSettings settings,
            @Value("${datasources.default.url:}") String url) {
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(RecurringTask.class::cast)
                .toList();
        List<Task<?>> others =
                tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        SchedulerBuilder builder = new ClockedSchedulerBuilder(joining(dataSource, connections), others, clock)
                .startTasks(recurring)
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(settings.shutdownWait())
                .enableImmediateExecution()
                // Due work goes by priority: runs oldest first (ArrivalOrder), so that started runs finish before new
                // ones spend a token's budget.
                .enablePriority();
        if (url.startsWith("jdbc:postgresql")) {
            // Replicas claim due work with SELECT … FOR UPDATE SKIP LOCKED instead of racing on updates.
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        return builder.build();
    }

    /** The service's pool, joined to the caller's transaction when there is one. */
    public static DataSource joining(DataSource dataSource, ConnectionOperations<Connection> connections) {
        return new TransactionJoiningDataSource(DelegatingDataSource.unwrapDataSource(dataSource), connections);
    }

    /** db-scheduler's builder keeps its clock protected; this hands it the service's clock. */
    static final class ClockedSchedulerBuilder extends SchedulerBuilder {
        ClockedSchedulerBuilder(DataSource dataSource, List<Task<?>> tasks, Clock clock) {
            super(dataSource, tasks);
            this.clock = clock::instant;
        }
    }
}
