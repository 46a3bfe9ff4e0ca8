package com.auditybridge.sim;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Random;

/** The current fault settings and the dice they are rolled with (seedable for reproducible runs). */
@Singleton
@Requires(env = SimulatorActivation.ENVIRONMENT)
public class Faults implements Resettable {
    private FaultSettings settings = FaultSettings.none();
    private Random random = new Random();

    public synchronized FaultSettings settings() {
        return settings;
    }

    public synchronized void update(FaultSettings next) {
        settings = next;
        random = next.seed() == null ? new Random() : new Random(next.seed());
    }

    /**
     * The 500 a read named in {@code failReads} answers ({@code audit-analysis}, {@code deliverables}), or empty when
     * the read goes through.
     */
    public synchronized Optional<MutableHttpResponse<?>> failedRead(String read) {
        return settings.failReads().contains(read)
                ? Optional.of(SimResponses.error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error"))
                : Optional.empty();
    }

    /** True with the given probability; never true for 0, always for 1. */
    public synchronized boolean roll(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    public synchronized int pick(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public void reset() {
        update(FaultSettings.none());
    }
}
