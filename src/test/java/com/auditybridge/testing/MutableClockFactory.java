package com.auditybridge.testing;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Replaces the service clock in tests that set {@code test.clock=mutable}; inject {@link MutableClock} to move it. */
@Factory
@Requires(property = "test.clock", value = "mutable")
public class MutableClockFactory {
    @Singleton
    @Replaces(Clock.class)
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
