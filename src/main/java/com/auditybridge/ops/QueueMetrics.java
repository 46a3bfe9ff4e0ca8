package com.auditybridge.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/** Queue depth and lag of the durable queue (runs and deliveries alike), for Prometheus. */
@Singleton
public class QueueMetrics implements MeterBinder {
    private final SchedulerBacklog backlog;

    public QueueMetrics(SchedulerBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("bridge.queue.due", backlog, b -> b.now().due())
                .description("db-scheduler executions due and not yet picked")
                .register(registry);
        Gauge.builder(
                        "bridge.queue.oldest.due.age",
                        backlog,
                        b -> b.now().oldestDueAge().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("how long the oldest due execution has waited")
                .register(registry);
    }
}
