package com.auditybridge.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Starts executing runs once the application is up (migrations done, server listening). */
@Singleton
@Requires(property = "bridge.scheduler.autostart", notEquals = "false")
public class SchedulerLifecycle {
    private final Scheduler scheduler;

    public SchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        scheduler.start();
    }
}
