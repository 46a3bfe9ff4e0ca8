package com.auditybridge.scheduling;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The durable executor (db-scheduler).
 *
 * @param threads          worker threads per replica (default 8)
 * @param pollingInterval  how often a replica looks for due work (default 1s; new runs start at once anyway)
 * @param heartbeat        how often a replica proves it is alive (default 5s)
 * @param missedHeartbeats after this many (at least 4), another replica takes a dead one's work (default 4)
 * @param shutdownWait     how long a stopping replica lets running steps finish (default 20s)
 */
@ConfigurationProperties("bridge.scheduler")
public record SchedulerSettings(
        @Bindable(defaultValue = "8") int threads,
        @Bindable(defaultValue = "1s") Duration pollingInterval,
        @Bindable(defaultValue = "5s") Duration heartbeat,
        @Bindable(defaultValue = "4") int missedHeartbeats,
        @Bindable(defaultValue = "20s") Duration shutdownWait) {}
