package com.auditybridge.run;

import com.auditybridge.connection.Connection;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.web.ApiKeyAuth;
import com.auditybridge.web.Ids;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.List;

/** The runs API (docs/api.md). A run of another connection does not exist for the caller: 404. */
@Controller("/v1/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunsController {
    private static final int MAX_PAGE = 100;
    private final ApiKeyAuth auth;
    private final RunStore store;
    private final RunViews views;
    private final RunQueue queue;
    private final ResultRefresh refresh;
    private final Clock clock;

    public RunsController(
            ApiKeyAuth auth, RunStore store, RunViews views, RunQueue queue, ResultRefresh refresh, Clock clock) {
        this.auth = auth;
        this.store = store;
        this.views = views;
        this.queue = queue;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** An empty page still says {@code "runs": []}: a polling trigger reads the list, not its absence. */
    @Serdeable
    public record RunPage(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<RunView> runs,
            @Nullable String nextCursor) {}

    @Get("/{id}")
    RunView get(HttpRequest<?> request, @PathVariable String id) {
        return views.full(owned(auth.require(request), id));
    }

    /**
     * The caller's runs, newest first, a page at a time.
     *
     * @param flow only runs of this flow ({@code lead-to-audit}, {@code project-analysis}, {@code project-update},
     *     {@code repo-audit})
     * @param status only runs in this status ({@code queued}, {@code running}, {@code waiting}, {@code completed},
     *     {@code failed}, {@code cancelled})
     * @param leadId only the run of this lead: the lead-to-audit run that converts it (a lead has at most one)
     * @param limit runs per page, 1 to 100 (20 when absent)
     * @param cursor the {@code nextCursor} of the previous page
     */
    @Get
    RunPage list(
            HttpRequest<?> request,
            @QueryValue @Nullable String flow,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String leadId,
            @QueryValue @Nullable String limit,
            @QueryValue @Nullable String cursor) {
        Connection connection = auth.require(request);
        Flow flowFilter =
                flow == null ? null : Flow.fromWire(flow).orElseThrow(() -> badQuery("flow", "is not a known flow"));
        RunStatus statusFilter = status == null
                ? null
                : RunStatus.fromWire(status).orElseThrow(() -> badQuery("status", "is not a known status"));
        if (leadId != null && Ids.problem(leadId) != null) {
            throw badQuery("leadId", Ids.problem(leadId));
        }
        int size = pageSize(limit);
        RunCursor after = cursor == null
                ? null
                : RunCursor.decode(cursor).orElseThrow(() -> badQuery("cursor", "is not a cursor of this API"));
        List<Run> runs = store.list(connection.id(), flowFilter, statusFilter, leadId, size, after);
        String next = runs.size() == size
                ? new RunCursor(
                                runs.get(size - 1).createdAt(),
                                runs.get(size - 1).id())
                        .encode()
                : null;
        return new RunPage(views.listed(runs), next);
    }

    /**
     * The run's whole result: the ids it learned and, for a run that asked for parts of its finished audit, each part
     * exactly as Audity answered it (the bytes Audity sent), {@code missing} and {@code refreshing}. The link a
     * callback carries as {@code resultUrl}, also when the callback left parts out for their size.
     */
    @Get(uri = "/{id}/result", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "The run's whole result, each part of its finished audit exactly as Audity answered it")
    @ApiResponse(
            responseCode = "200",
            description = "The result: ids, analysis, deliverables, parts, missing, refreshing, resultUrl",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "404", description = "No such run of the caller's connection")
    HttpResponse<String> result(HttpRequest<?> request, @PathVariable String id) {
        return HttpResponse.ok(views.resultText(owned(auth.require(request), id)))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * Reads the parts of the finished audit again: those missing, or all the run asked for when none is. Durable: 202
     * at once, and the run's result shows the parts when read; the run stays completed and never calls back again.
     */
    @Post("/{id}/result/refresh")
    @Operation(
            summary = "Read the missing (or all) parts of a completed run's finished audit again; no second callback")
    @ApiResponse(
            responseCode = "202",
            description = "The parts being read again",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResultRefresh.Refreshing.class)))
    @ApiResponse(responseCode = "404", description = "No such run of the caller's connection")
    @ApiResponse(
            responseCode = "409",
            description = "RUN_NOT_COMPLETED, or NO_PARTS_REQUESTED: the run asked for no part",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<ResultRefresh.Refreshing> refreshResult(HttpRequest<?> request, @PathVariable String id) {
        return HttpResponse.accepted().body(refresh.request(auth.require(request), id));
    }

    @Post("/{id}/cancel")
    RunView cancel(HttpRequest<?> request, @PathVariable String id) {
        Connection connection = auth.require(request);
        Run run = owned(connection, id);
        if (!store.cancel(connection.id(), id, clock.instant())) {
            throw ProblemException.conflict(
                    "RUN_ALREADY_ENDED", "The run is " + run.status().wireName() + " and cannot be cancelled.");
        }
        return views.full(owned(connection, id));
    }

    @Post("/{id}/retry")
    RunView retry(HttpRequest<?> request, @PathVariable String id) {
        Connection connection = auth.require(request);
        Run run = owned(connection, id);
        if (!queue.retry(connection.id(), id, clock.instant())) {
            throw ProblemException.conflict(
                    "RUN_NOT_FAILED",
                    "Only a failed run can be retried; this one is "
                            + run.status().wireName() + ".");
        }
        return views.full(owned(connection, id));
    }

    /** Parsed here rather than bound as an Integer, so that "?limit=ten" is a problem like the others. */
    private static int pageSize(String limit) {
        if (limit == null) {
            return 20;
        }
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the problem below
        }
        throw badQuery("limit", "must be a whole number from 1 to " + MAX_PAGE);
    }

    private Run owned(Connection connection, String id) {
        return store.find(connection.id(), id).orElseThrow(() -> ProblemException.notFound("Run " + id));
    }

    private static ProblemException badQuery(String field, String message) {
        return ProblemException.invalid("INVALID_QUERY", List.of(new Problem.FieldError(field, message)));
    }
}
