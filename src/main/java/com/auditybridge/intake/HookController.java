package com.auditybridge.intake;

import com.auditybridge.run.Flow;
import com.auditybridge.web.ProblemResponses;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.CompletableFuture;

/** The inbound hooks: each answers at once with a run id, or a problem. */
@Controller("/v1/hooks")
@Tag(name = "hooks", description = "Start a run; answered at once with its id")
@ApiResponse(
        responseCode = "202",
        description = "Run stored and queued; Location: /v1/runs/{id}",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = HookDocs.HookAnswer.class)))
@ApiResponse(
        responseCode = "200",
        description = "The same run again (deduped: true), or with ?wait the run that ended",
        content =
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = HookDocs.HookAnswer.class)))
@ProblemResponses
@ExecuteOn(TaskExecutors.BLOCKING)
public class HookController {
    static final String WAIT =
            "Seconds (at most 25) to hold the answer until the run ends: 200 with the run if it did.";
    private final HookIntake intake;

    public HookController(HookIntake intake) {
        this.intake = intake;
    }

    @Post(uri = "/lead-arrived", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A lead arrived: convert it once, patch and analyse its project, call back with audit.completed")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HookDocs.LeadArrived.class)))
    CompletableFuture<HttpResponse<?>> leadArrived(
            HttpRequest<?> request,
            @Body @Nullable @Parameter(hidden = true) byte[] body,
            @QueryValue @Nullable @Parameter(description = WAIT) String wait) {
        return intake.handle(request, body, wait, Flow.LEAD_TO_AUDIT, HookBodies::leadArrived);
    }

    @Post(uri = "/analysis-requested", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Analyse a project: trigger the async audit analysis, poll it, call back with analysis.completed")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HookDocs.AnalysisRequested.class)))
    CompletableFuture<HttpResponse<?>> analysisRequested(
            HttpRequest<?> request,
            @Body @Nullable @Parameter(hidden = true) byte[] body,
            @QueryValue @Nullable @Parameter(description = WAIT) String wait) {
        return intake.handle(request, body, wait, Flow.PROJECT_ANALYSIS, HookBodies::analysisRequested);
    }

    @Post(uri = "/project-update", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a project with Audity's own rules checked first, call back with project.updated")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HookDocs.ProjectUpdate.class)))
    CompletableFuture<HttpResponse<?>> projectUpdate(
            HttpRequest<?> request,
            @Body @Nullable @Parameter(hidden = true) byte[] body,
            @QueryValue @Nullable @Parameter(description = WAIT) String wait) {
        return intake.handle(request, body, wait, Flow.PROJECT_UPDATE, HookBodies::projectUpdate);
    }

    @Post(uri = "/repo-audit-requested", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Audit a public GitHub repository, call back with repo_audit.completed")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HookDocs.RepoAuditRequested.class)))
    CompletableFuture<HttpResponse<?>> repoAuditRequested(
            HttpRequest<?> request,
            @Body @Nullable @Parameter(hidden = true) byte[] body,
            @QueryValue @Nullable @Parameter(description = WAIT) String wait) {
        return intake.handle(request, body, wait, Flow.REPO_AUDIT, HookBodies::repoAuditRequested);
    }
}
