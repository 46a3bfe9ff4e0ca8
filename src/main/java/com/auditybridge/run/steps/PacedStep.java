package com.auditybridge.run.steps;

import com.auditybridge.run.FlowSettings;
import com.auditybridge.run.Step;

/** A step whose timing (when to look again, how long to wait) comes from the flow settings. */
abstract class PacedStep<T> implements Step<T> {
    protected final FlowSettings settings;
    private final String name;

    PacedStep(String name, FlowSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    @Override
    public final String name() {
        return name;
    }
}
