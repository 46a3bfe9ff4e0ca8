package com.auditybridge.ops;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** The db-scheduler's state in /health: started or paused, executing now, and the due backlog. */
@Singleton
@Requires(beans = Scheduler.class)
public class SchedulerHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final Scheduler scheduler;
    private final SchedulerBacklog backlog;

    public SchedulerHealthIndicator(Scheduler scheduler, SchedulerBacklog backlog) {
        this.scheduler = scheduler;
        this.backlog = backlog;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        SchedulerState state = scheduler.getSchedulerState();
        healthStatus = state.isShuttingDown() ? HealthStatus.DOWN : HealthStatus.UP;
        SchedulerBacklog.Snapshot queue = backlog.now();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("started", state.isStarted());
        details.put("paused", state.isPaused());
        details.put("shuttingDown", state.isShuttingDown());
        details.put("executing", scheduler.getCurrentlyExecuting().size());
        details.put("due", queue.due());
        details.put("oldestDueAgeSeconds", queue.oldestDueAge().toSeconds());
        return details;
    }

    @Override
    protected String getName() {
        return "scheduler";
    }
}
