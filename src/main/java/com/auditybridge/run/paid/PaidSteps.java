package com.auditybridge.run.paid;

import jakarta.inject.Singleton;
import java.time.Clock;

/** Makes the paid steps of the flows, each around its {@link PaidCall}, with the shared record and settings. */
@Singleton
public class PaidSteps {
    private final PaidCalls calls;
    private final PaidCallSettings settings;
    private final Clock clock;

    public PaidSteps(PaidCalls calls, PaidCallSettings settings, Clock clock) {
        this.calls = calls;
        this.settings = settings;
        this.clock = clock;
    }

    public <R> PaidStep<R> of(String name, PaidCall<R> call) {
        return new PaidStep<>(name, call, calls, settings, clock);
    }
}
