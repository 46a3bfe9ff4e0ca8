package com.auditybridge.upstream;

import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The buckets of a single replica, in its memory. */
final class MemoryBudgetStore implements BudgetStore {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ClockTimeMeter time;

    MemoryBudgetStore(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    @Override
    public Bucket bucket(String key, BucketShape shape) {
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(shape.configuration().getBandwidths()[0])
                        .withCustomTimePrecision(time)
                        .build());
    }

    @Override
    public Set<String> keys() {
        return Set.copyOf(buckets.keySet());
    }

    @Override
    public String kind() {
        return "memory";
    }
}
