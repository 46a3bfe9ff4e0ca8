package com.auditybridge.sim.audity;

import com.auditybridge.sim.SimulatorActivation;
import com.auditybridge.sim.Timestamps;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Identity, tier and credits: bare objects with {@code success: true}. */
@Controller("/sim/audity/api/user")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class UserController {
    private final AudityState state;

    UserController(AudityState state) {
        this.state = state;
    }

    @Get("/current")
    Map<String, Object> current(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account) {
        return Map.of(
                "success",
                true,
                "userId",
                account.userId,
                "userEmail",
                account.email(),
                "authMethod",
                "pat",
                "authData",
                Map.of());
    }

    @Get("/tier")
    Map<String, Object> tier(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account) {
        synchronized (account) {
            return Map.of("success", true, "tier", account.tier, "userId", account.userId);
        }
    }

    @Get("/credits")
    Map<String, Object> credits(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account) {
        // Credits reset each billing period; the simulator's period is the calendar month.
        LocalDate today = LocalDate.ofInstant(state.clock.instant(), ZoneOffset.UTC);
        String nextReset = Timestamps.iso(
                today.withDayOfMonth(1).plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        synchronized (account) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", true);
            body.put("balance", account.credits);
            body.put("allocation", account.allocation);
            body.put("used", account.used);
            body.put("canCreateProject", account.credits >= AudityConfig.CONVERSION_COST);
            body.put("projectsRemaining", account.credits / AudityConfig.CONVERSION_COST);
            body.put("nextReset", nextReset);
            return body;
        }
    }
}
