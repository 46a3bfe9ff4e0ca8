package com.auditybridge.leadsync;

import com.auditybridge.connection.Connection;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.web.ApiKeyAuth;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * {@code POST /v1/lead-sync?dryRun=true} reports what a sync would convert and spend, spending
 * nothing; without dryRun it starts the connection's sync now (202). {@code GET} shows the rules.
 */
@Controller("/v1/lead-sync")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LeadSyncController {
    private final ApiKeyAuth auth;
    private final LeadSync sync;
    private final LeadSyncTrigger trigger;
    private final LeadSyncSettings settings;

    public LeadSyncController(ApiKeyAuth auth, LeadSync sync, LeadSyncTrigger trigger, LeadSyncSettings settings) {
        this.auth = auth;
        this.sync = sync;
        this.trigger = trigger;
        this.settings = settings;
    }

    @Get
    Map<String, Object> rules(HttpRequest<?> request) {
        auth.require(request);
        return Map.of("enabled", settings.enabled(), "cron", settings.cron(), "rules", settings.rules());
    }

    @Post
    HttpResponse<?> syncNow(HttpRequest<?> request, @QueryValue @Nullable Boolean dryRun) {
        Connection connection = auth.require(request);
        if (Boolean.TRUE.equals(dryRun)) {
            try {
                return HttpResponse.ok(sync.sync(connection, true));
            } catch (SyncFailed failed) {
                throw new ProblemException(
                        Problem.of(502, "UPSTREAM_UNAVAILABLE", "Lead sync failed", failed.getMessage()));
            }
        }
        trigger.now(connection.id());
        return HttpResponse.accepted().body(Map.of("scheduled", true));
    }
}
