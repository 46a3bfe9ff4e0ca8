package com.auditybridge.callback;

import com.auditybridge.connection.Connection;
import com.auditybridge.intake.ApiKeyAuth;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Zapier REST hooks (PRODUCT.md §4): subscribe a target to event types; another connection's is a 404. */
@Controller("/v1/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubscriptionsController {
    static final Set<String> EVENT_TYPES = Set.of("lead.arrived", "lead.converted", "audit.completed",
            "analysis.completed", "project.updated", "repo_audit.completed", "run.failed", Subscription.ANY);
    private final ApiKeyAuth auth;
    private final Subscriptions subscriptions;
    private final CallbackTargets targets;
    private final Clock clock;

    public SubscriptionsController(ApiKeyAuth auth, Subscriptions subscriptions, CallbackTargets targets, Clock clock) {
        this.auth = auth;
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.clock = clock;
    }

    @Serdeable
    public record SubscribeRequest(@Nullable String targetUrl, @Nullable List<String> events) {
    }

    @Serdeable
    public record Subscribed(String id, String secret) {
        @Override
        public String toString() {
            return "Subscribed[" + id + ", secret hidden]";
        }
    }

    @Serdeable
    public record SubscriptionList(List<Subscription> subscriptions) {
    }

    @Post
    HttpResponse<Subscribed> subscribe(HttpRequest<?> request, @Body SubscribeRequest body) {
        Connection connection = auth.require(request);
        if (body.targetUrl() == null || body.targetUrl().isBlank()) {
            throw invalid("targetUrl", "is required");
        }
        if (body.events() == null || body.events().isEmpty() || !EVENT_TYPES.containsAll(body.events())) {
            throw invalid("events", "must list event types among " + EVENT_TYPES.stream().sorted().toList());
        }
        targets.refusal(body.targetUrl()).ifPresent(why -> {
            throw new ProblemException(Problem.of(422, "TARGET_URL_REFUSED", "Target URL refused", "targetUrl " + why + "."));
        });
        Subscriptions.Created created = subscriptions.create(connection.id(), body.targetUrl(),
                body.events().stream().distinct().toList(), clock.instant());
        return HttpResponse.<Subscribed>status(HttpStatus.CREATED).body(new Subscribed(created.id(), created.secret()))
                .header("Location", "/v1/subscriptions/" + created.id());
    }

    @Get
    SubscriptionList list(HttpRequest<?> request) {
        return new SubscriptionList(subscriptions.list(auth.require(request).id()));
    }

    @Delete("/{id}")
    HttpResponse<Void> unsubscribe(HttpRequest<?> request, @PathVariable String id) {
        if (!subscriptions.remove(auth.require(request).id(), id)) {
            throw ProblemException.notFound("Subscription " + id);
        }
        return HttpResponse.noContent();
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalid("INVALID_SUBSCRIPTION", List.of(new Problem.FieldError(field, message)));
    }
}
