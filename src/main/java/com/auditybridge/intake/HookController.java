package com.auditybridge.intake;

import com.auditybridge.run.Flow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.concurrent.CompletableFuture;

/** The inbound hooks of PRODUCT.md §1: each answers at once with a run id, or a problem. */
@Controller("/v1/hooks")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HookController {
    private final HookIntake intake;

    public HookController(HookIntake intake) {
        this.intake = intake;
    }

    @Post(uri = "/lead-arrived", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> leadArrived(HttpRequest<?> request, @Body @Nullable String body,
                                                   @QueryValue @Nullable String wait) {
        return intake.handle(request, body, wait, Flow.LEAD_TO_AUDIT, HookBodies::leadArrived);
    }

    @Post(uri = "/analysis-requested", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> analysisRequested(HttpRequest<?> request, @Body @Nullable String body,
                                                         @QueryValue @Nullable String wait) {
        return intake.handle(request, body, wait, Flow.PROJECT_ANALYSIS, HookBodies::analysisRequested);
    }

    @Post(uri = "/project-update", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> projectUpdate(HttpRequest<?> request, @Body @Nullable String body,
                                                     @QueryValue @Nullable String wait) {
        return intake.handle(request, body, wait, Flow.PROJECT_UPDATE, HookBodies::projectUpdate);
    }

    @Post(uri = "/repo-audit-requested", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> repoAuditRequested(HttpRequest<?> request, @Body @Nullable String body,
                                                          @QueryValue @Nullable String wait) {
        return intake.handle(request, body, wait, Flow.REPO_AUDIT, HookBodies::repoAuditRequested);
    }
}
