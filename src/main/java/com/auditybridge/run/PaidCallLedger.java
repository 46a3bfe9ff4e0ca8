package com.auditybridge.run;

import jakarta.inject.Singleton;

import java.time.Clock;

/** Records, durably and before the call goes out, that a paid call is about to be made. */
@Singleton
public class PaidCallLedger {
    private final RunStore store;
    private final Clock clock;

    public PaidCallLedger(RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void recordConvertIntent(String runId) {
        store.recordConvertIntent(runId, clock.instant());
    }
}
