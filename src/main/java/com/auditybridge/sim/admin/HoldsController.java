package com.auditybridge.sim.admin;

import com.auditybridge.sim.HoldSettings;
import com.auditybridge.sim.PaidCalls;
import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Holds on paid calls ({@code convert}, {@code trigger}, {@code submit}): a held call passes its checks, is listed
 * here, and neither commits nor answers until released with {@code commit} (charged, created and answered as if
 * never held) or {@code abort} (nothing charged or created, 500 without body). Reset clears the settings and
 * aborts every held call.
 */
@Controller("/sim/admin/holds")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class HoldsController {
    private final PaidCalls paidCalls;

    HoldsController(PaidCalls paidCalls) {
        this.paidCalls = paidCalls;
    }

    /** @param held the calls held and not yet released, oldest first */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Holds(HoldSettings holds, List<PaidCalls.HeldCall> held) {}

    /** @param outcome {@code commit} or {@code abort} */
    @Serdeable
    record Release(@Nullable String outcome) {}

    /** A released call and what was done with it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Released(String id, String kind, String subject, String since, String outcome) {
        static Released of(PaidCalls.HeldCall call, PaidCalls.Outcome outcome) {
            return new Released(call.id(), call.kind().name(), call.subject(), call.since(), outcome.name());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReleasedAll(String outcome, List<Released> released) {}

    @Get
    Holds holds() {
        return new Holds(paidCalls.holds(), paidCalls.held());
    }

    /** Replaces the settings (missing kinds are not held); calls held already stay held until released. */
    @Put
    HoldSettings setHolds(@Body HoldSettings settings) {
        paidCalls.hold(settings);
        return paidCalls.holds();
    }

    @Post("/{id}/release")
    HttpResponse<?> release(String id, @Body Release body) {
        Optional<PaidCalls.Outcome> outcome = outcome(body);
        if (outcome.isEmpty()) {
            return badOutcome();
        }
        return paidCalls
                .release(id, outcome.get())
                .<HttpResponse<?>>map(call -> HttpResponse.ok(Released.of(call, outcome.get())))
                .orElseGet(() -> SimResponses.error(HttpStatus.NOT_FOUND, "no held call " + id));
    }

    @Post("/release-all")
    HttpResponse<?> releaseAll(@Body Release body) {
        Optional<PaidCalls.Outcome> outcome = outcome(body);
        if (outcome.isEmpty()) {
            return badOutcome();
        }
        List<Released> released = paidCalls.releaseAll(outcome.get()).stream()
                .map(call -> Released.of(call, outcome.get()))
                .toList();
        return HttpResponse.ok(new ReleasedAll(outcome.get().name(), released));
    }

    private static Optional<PaidCalls.Outcome> outcome(Release body) {
        return Arrays.stream(PaidCalls.Outcome.values())
                .filter(o -> o.name().equals(body.outcome()))
                .findFirst();
    }

    private static HttpResponse<?> badOutcome() {
        return SimResponses.error(HttpStatus.BAD_REQUEST, "outcome must be commit or abort");
    }
}
