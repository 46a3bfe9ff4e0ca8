package com.auditybridge.console;

import com.auditybridge.connection.Connection;
import com.auditybridge.problem.Problem;
import com.auditybridge.upstream.BudgetView;
import com.auditybridge.upstream.Budgets;
import com.auditybridge.web.ApiKeyAuth;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's own share of the budget readout ({@code GET /v1/admin/budgets} shows every one): the per-token budgets
 * its runs spend from — its connection's Audity token and repo-audit token (or the anonymous repo-audit budget when it
 * has none), by fingerprint — and its inbound rate. Another connection's budgets are not shown, unless the two share a
 * token (then the budget is one).
 */
@Controller("/v1/budgets")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BudgetsController {
    private final ApiKeyAuth auth;
    private final Budgets budgets;

    public BudgetsController(ApiKeyAuth auth, Budgets budgets) {
        this.auth = auth;
        this.budgets = budgets;
    }

    /**
     * The upstream budgets of the caller's tokens, and its inbound rate. Each with its limit, burst, the tokens left
     * now for all replicas (below zero while a 429 pauses it), the wait until the next call may go, and the calls this
     * replica let through in the last minute; tokens by fingerprint only. A budget appears once it was used.
     */
    @Get
    @ApiResponse(
            responseCode = "401",
            description = "Missing or unknown API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    BudgetList list(HttpRequest<?> request) {
        Connection connection = auth.require(request);
        List<String> tokens = new ArrayList<>();
        tokens.add(connection.audityToken());
        tokens.add(connection.repoAuditToken());
        return new BudgetList(budgets.viewsOf(tokens, connection.id()));
    }

    /** @param budgets one entry per token and call class of the connection, and one for its inbound rate */
    @Serdeable
    public record BudgetList(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<BudgetView> budgets) {}
}
