package com.auditybridge.admin;

import com.auditybridge.upstream.BudgetView;
import com.auditybridge.upstream.Budgets;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * The per-token budgets and the connections' inbound rates, for the operator console, behind {@link AdminAuthFilter}.
 * Tokens appear as fingerprints only.
 */
@Controller("/v1/admin/budgets")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
public class AdminBudgetsController {
    private final Budgets budgets;

    public AdminBudgetsController(Budgets budgets) {
        this.budgets = budgets;
    }

    @Get
    @Operation(
            summary = "The per-token budgets and inbound rates",
            description = "Every budget this replica used or the shared store holds: its limit, burst, the tokens"
                    + " left now for all replicas (below zero while a 429 pauses it), the wait until the next call"
                    + " may go, and the calls this replica let through in the last minute. Admin token required.")
    BudgetList list() {
        return new BudgetList(budgets.views());
    }

    /** @param budgets one entry per token and call class, and per connection for the inbound rate */
    @Serdeable
    public record BudgetList(List<BudgetView> budgets) {}
}
