package com.auditybridge.testing;

import com.auditybridge.scheduling.SchedulerFactory;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * In tests that set {@code test.scheduler=manual}, runs execute only when the test says so
 * ({@link ManualScheduler#runAnyDueExecutions()}), at the time of the service clock.
 */
@Factory
@Requires(property = "test.scheduler", value = "manual")
public class ManualSchedulerFactory {

    @Singleton
    @Bean(preDestroy = "stop")
    @Replaces(bean = Scheduler.class, factory = SchedulerFactory.class)
    ManualScheduler manualScheduler(
            DataSource dataSource, ConnectionOperations<Connection> connections, List<Task<?>> tasks, Clock clock) {
        SettableClock followsServiceClock = new SettableClock() {
            @Override
            public Instant now() {
                return clock.instant();
            }
        };
        TestHelper.ManualSchedulerBuilder builder = TestHelper.createManualScheduler(
                        SchedulerFactory.joining(dataSource, connections), tasks)
                .clock(followsServiceClock);
        // As in production (SchedulerFactory): due work by priority, runs oldest first.
        builder.enablePriority();
        return builder.build();
    }
}
