package com.auditybridge.sim.admin;

import com.auditybridge.sim.FaultSettings;
import com.auditybridge.sim.Faults;
import com.auditybridge.sim.Resettable;
import com.auditybridge.sim.SimCounters;
import com.auditybridge.sim.SimulatorActivation;
import com.auditybridge.sim.audity.AudityRateLimits;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.util.List;

/** Faults, counters and reset, shared by both simulators (holds: {@link HoldsController}). */
@Controller("/sim/admin")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class AdminController {
    private final Faults faults;
    private final SimCounters counters;
    private final AudityRateLimits audityLimits;
    private final List<Resettable> state;

    AdminController(Faults faults, SimCounters counters, AudityRateLimits audityLimits, List<Resettable> state) {
        this.faults = faults;
        this.counters = counters;
        this.audityLimits = audityLimits;
        this.state = state;
    }

    @Get("/faults")
    FaultSettings faults() {
        return faults.settings();
    }

    @Put("/faults")
    FaultSettings setFaults(@Body FaultSettings settings) {
        faults.update(settings);
        return faults.settings();
    }

    @Get("/counters")
    SimCounters.Snapshot counters() {
        return counters.snapshot(audityLimits.peaks());
    }

    /**
     * Back to a fresh start: accounts, leads, projects, jobs, audits, windows, counters, faults and holds
     * (calls still held or working are aborted: nothing of them is charged).
     */
    @Post("/reset")
    HttpResponse<?> reset() {
        state.forEach(Resettable::reset);
        return HttpResponse.noContent();
    }
}
