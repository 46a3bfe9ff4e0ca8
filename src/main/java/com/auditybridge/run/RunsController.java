package com.auditybridge.run;

import com.auditybridge.connection.Connection;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.web.ApiKeyAuth;
import com.auditybridge.web.Ids;
import com.auditybridge.web.Queries;
import com.auditybridge.web.QueryProblems;
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
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The runs API (docs/api.md). A run of another connection does not exist for the caller: 404. */
@Controller("/v1/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RunsController {
    private static final int MAX_PAGE = 100;
    private static final int MAX_INTERVALS = 60;
    private static final Duration MAX_WINDOW = Duration.ofDays(31);
    private final ApiKeyAuth auth;
    private final RunStore store;
    private final RunViews views;
    private final RunQueue queue;
    private final ResultRefresh refresh;
    private final StepRunner runner;
    private final Clock clock;

    public RunsController(
            ApiKeyAuth auth,
            RunStore store,
            RunViews views,
            RunQueue queue,
            ResultRefresh refresh,
            StepRunner runner,
            Clock clock) {
        this.auth = auth;
        this.store = store;
        this.views = views;
        this.queue = queue;
        this.refresh = refresh;
        this.runner = runner;
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
     * The caller's runs, newest first, a page at a time. The filters apply together; a bad one is 400 {@code
     * INVALID_QUERY}.
     *
     * @param flow only runs of this flow ({@code lead-to-audit}, {@code project-analysis}, {@code project-update},
     *     {@code repo-audit})
     * @param status only runs in this status ({@code queued}, {@code running}, {@code waiting}, {@code completed},
     *     {@code failed}, {@code cancelled})
     * @param leadId only the run of this lead: the lead-to-audit run that converts it (a lead has at most one)
     * @param projectId only runs on this Audity project: the one a hook named, or the one a conversion made
     * @param createdFrom only runs created at or after this instant (ISO-8601, e.g. {@code 2026-04-20T12:00:00Z})
     * @param createdTo only runs created before this instant (ISO-8601)
     * @param limit runs per page, 1 to 100 (20 when absent)
     * @param cursor the {@code nextCursor} of the previous page
     */
    @Get
    @QueryProblems
    RunPage list(
            HttpRequest<?> request,
            @QueryValue @Nullable String flow,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String leadId,
            @QueryValue @Nullable String projectId,
            @QueryValue @Nullable String createdFrom,
            @QueryValue @Nullable String createdTo,
            @QueryValue @Nullable String limit,
            @QueryValue @Nullable String cursor) {
        Connection connection = auth.require(request);
        Flow flowFilter = flow == null
                ? null
                : Flow.fromWire(flow).orElseThrow(() -> Queries.invalid("flow", "is not a known flow"));
        RunStatus statusFilter = status == null
                ? null
                : RunStatus.fromWire(status).orElseThrow(() -> Queries.invalid("status", "is not a known status"));
        anId("leadId", leadId);
        anId("projectId", projectId);
        Instant from = Queries.instant("createdFrom", createdFrom);
        Instant to = Queries.instant("createdTo", createdTo);
        if (from != null && to != null && !to.isAfter(from)) {
            throw Queries.invalid("createdTo", "must be after createdFrom");
        }
        int size = pageSize(limit);
        RunCursor after = cursor == null
                ? null
                : RunCursor.decode(cursor).orElseThrow(() -> Queries.invalid("cursor", "is not a cursor of this API"));
        List<Run> runs = store.list(
                connection.id(), new RunFilter(flowFilter, statusFilter, leadId, projectId, from, to), size, after);
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

    /**
     * The caller's runs of a window, counted by status. They are the runs created in the window, each counted in the
     * status it is in now; the window is cut into equal intervals, oldest first, each with its own counts (for a small
     * chart).
     *
     * @param since the window, ending now: an ISO-8601 duration from {@code PT1M} to {@code P31D} ({@code PT1H} when
     *     absent)
     * @param intervals how many equal intervals the window is cut into, 1 to 60 (12 when absent)
     */
    @Get("/stats")
    @QueryProblems
    RunStats stats(HttpRequest<?> request, @QueryValue @Nullable String since, @QueryValue @Nullable String intervals) {
        Connection connection = auth.require(request);
        Duration window = window(since);
        int count = Queries.wholeNumber("intervals", intervals, 12, 1, MAX_INTERVALS);
        Instant to = clock.instant();
        Instant from = to.minus(window);
        List<Instant> bounds = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            bounds.add(from.plusMillis(window.toMillis() * i / count));
        }
        List<Map<RunStatus, Integer>> counted = store.countByStatus(connection.id(), bounds);
        List<RunStats.Interval> shown = new ArrayList<>();
        Map<RunStatus, Integer> total = new EnumMap<>(RunStatus.class);
        for (int i = 0; i < count; i++) {
            counted.get(i).forEach((status, n) -> total.merge(status, n, Integer::sum));
            shown.add(new RunStats.Interval(bounds.get(i), bounds.get(i + 1), RunStats.byWireName(counted.get(i))));
        }
        return new RunStats(
                from,
                to,
                window.dividedBy(count).toString(),
                total.values().stream().mapToInt(Integer::intValue).sum(),
                RunStats.byWireName(total),
                shown);
    }

    @Post("/{id}/cancel")
    RunView cancel(HttpRequest<?> request, @PathVariable String id) {
        Connection connection = auth.require(request);
        Run run = owned(connection, id);
        if (!runner.cancel(connection.id(), id)) {
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

    private static int pageSize(String limit) {
        return Queries.wholeNumber("limit", limit, 20, 1, MAX_PAGE);
    }

    private static void anId(String field, String value) {
        if (value != null && Ids.problem(value) != null) {
            throw Queries.invalid(field, Ids.problem(value));
        }
    }

    private static Duration window(String since) {
        if (since == null) {
            return Duration.ofHours(1);
        }
        try {
            Duration window = Duration.parse(since);
            if (window.compareTo(Duration.ofMinutes(1)) >= 0 && window.compareTo(MAX_WINDOW) <= 0) {
                return window;
            }
        } catch (DateTimeParseException ignored) {
            // falls through to the problem below
        }
        throw Queries.invalid("since", "must be an ISO-8601 duration from PT1M to P31D, e.g. PT1H");
    }

    private Run owned(Connection connection, String id) {
        return store.find(connection.id(), id).orElseThrow(() -> ProblemException.notFound("Run " + id));
    }
}
