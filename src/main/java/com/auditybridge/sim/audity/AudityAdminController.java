package com.auditybridge.sim.audity;

import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import java.util.Set;

/**
 * Test levers for Audity: accounts (revoke, credits, tier, scopes, budget, webhook URL), kill switch, projects, leads,
 * and sending the webhooks that are due now.
 */
@Controller("/sim/admin/audity")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class AudityAdminController {
    private final AudityState state;
    private final AudityWebhookSender webhooks;

    AudityAdminController(AudityState state, AudityWebhookSender webhooks) {
        this.state = state;
        this.webhooks = webhooks;
    }

    /** Every field but {@code token} is optional; null leaves it as it is. */
    @Serdeable
    record AccountUpdate(
            String token,
            @Nullable Long credits,
            @Nullable String tier,
            @Nullable Set<String> scopes,
            @Nullable Double analysisBudgetUsd,
            @Nullable Boolean revoked,
            @Nullable String webhookUrl) {}

    @Serdeable
    record ProjectUpdate(
            @Nullable Boolean hasAnalysis,
            @Nullable Boolean hasInterviewAnalysis,
            @Nullable Boolean tooLarge) {}

    @Put("/accounts")
    HttpResponse<?> account(@Body AccountUpdate update) {
        if (!Tokens.wellFormed(update.token())) {
            return SimResponses.error(HttpStatus.BAD_REQUEST, "token must be aky_ and 32 base62 characters");
        }
        Account account = state.account(update.token());
        synchronized (account) {
            if (update.credits() != null) account.credits = update.credits();
            if (update.tier() != null) account.tier = update.tier();
            if (update.scopes() != null) account.scopes = Set.copyOf(update.scopes());
            if (update.analysisBudgetUsd() != null) account.analysisBudgetUsd = update.analysisBudgetUsd();
            if (update.revoked() != null) account.revoked = update.revoked();
            // An empty URL stops the webhooks, as clearing it in Audity's settings does.
            if (update.webhookUrl() != null)
                account.webhookUrl = update.webhookUrl().isBlank() ? null : update.webhookUrl();
            return HttpResponse.ok(Map.of(
                    "userId",
                    account.userId,
                    "tokenPrefix",
                    account.tokenPrefix,
                    "credits",
                    account.credits,
                    "tier",
                    account.tier,
                    "scopes",
                    account.scopes,
                    "analysisBudgetUsd",
                    account.analysisBudgetUsd,
                    "revoked",
                    account.revoked,
                    "webhookUrl",
                    account.webhookUrl == null ? "" : account.webhookUrl));
        }
    }

    /** {@code {"apiDisabled": true}} makes every Audity route answer 503 PAT_DISABLED. */
    @Put("/kill-switch")
    Map<String, Boolean> killSwitch(@Body Map<String, Boolean> body) {
        state.apiDisabled = Boolean.TRUE.equals(body.get("apiDisabled"));
        return Map.of("apiDisabled", state.apiDisabled);
    }

    @Put("/projects/{id}")
    HttpResponse<?> project(String id, @Body ProjectUpdate update) {
        SimProject project = state.projects.get(id);
        if (project == null) {
            return ProjectsController.notFound();
        }
        synchronized (project) {
            if (update.hasAnalysis() != null) project.analysisOverride = update.hasAnalysis();
            if (update.hasInterviewAnalysis() != null) project.interviewOverride = update.hasInterviewAnalysis();
            if (update.tooLarge() != null) project.tooLarge = update.tooLarge();
        }
        return HttpResponse.ok(ProjectView.of(project, state));
    }

    @Post("/leads")
    HttpResponse<?> addLead(@Body NewLead body) {
        if (!Tokens.wellFormed(body.token())) {
            return SimResponses.error(HttpStatus.BAD_REQUEST, "token must be aky_ and 32 base62 characters");
        }
        Account account = state.account(body.token());
        SimLead lead = body.toLead(
                LeadSeeder.leadId(account.key, state.leadsOf(account).size()), account.key, state.clock.instant());
        state.leads.put(lead.id, lead);
        return HttpResponse.created(LeadView.of(lead, true));
    }

    /** Sends now the webhooks that are due (jobs completed by the clock and not announced yet); answers how many. */
    @Post("/webhooks/send-due")
    @ExecuteOn(TaskExecutors.BLOCKING) // it waits for the receiver, which may be this very server: not on an event loop
    Map<String, Integer> sendDueWebhooks() {
        return Map.of("sent", webhooks.sendDue());
    }
}
