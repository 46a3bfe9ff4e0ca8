package com.auditybridge.sim.audity;

import com.auditybridge.sim.Resettable;
import com.auditybridge.sim.SimulatorActivation;
import com.auditybridge.sim.SlidingWindow;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Audity's per-token budgets: reads, writes and job polling each in their own sliding window. */
@Singleton
@Requires(env = SimulatorActivation.ENVIRONMENT)
public class AudityRateLimits implements Resettable {
    enum Kind {
        reads,
        writes,
        polling
    }

    private record Lane(String tokenPrefix, Kind kind, SlidingWindow window) {}

    private final AudityConfig config;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    AudityRateLimits(AudityConfig config) {
        this.config = config;
    }

    void arrive(String token, Kind kind, Instant now) {
        lane(token, kind).window().arrive(now);
    }

    /** @return 0 when admitted, else the Retry-After seconds */
    long tryAcquire(String token, Kind kind, Instant now) {
        int limit = switch (kind) {
            case reads -> config.readsPerMinute();
            case writes -> config.writesPerMinute();
            case polling -> config.pollsPerMinute();
        };
        return lane(token, kind).window().tryAcquire(now, limit);
    }

    /** Per token prefix and class, the most calls that arrived within one window. */
    public Map<String, Map<String, Integer>> peaks() {
        Map<String, Map<String, Integer>> peaks = new TreeMap<>();
        lanes.values()
                .forEach(lane -> peaks.computeIfAbsent(lane.tokenPrefix(), p -> new TreeMap<>())
                        .put(lane.kind().name(), lane.window().peak()));
        return peaks;
    }

    private Lane lane(String token, Kind kind) {
        return lanes.computeIfAbsent(
                Tokens.digest(token) + "|" + kind,
                key -> new Lane(Tokens.prefix(token), kind, new SlidingWindow(config.rateWindow())));
    }

    @Override
    public void reset() {
        lanes.clear();
    }
}
