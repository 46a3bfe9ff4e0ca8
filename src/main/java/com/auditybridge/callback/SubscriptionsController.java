package com.auditybridge.callback;

import com.auditybridge.connection.Connection;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.web.ApiKeyAuth;
import com.auditybridge.web.BodyRules;
import com.auditybridge.web.JsonBodies;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Zapier REST hooks (docs/api.md): subscribe a target to event types; another connection's is a 404. */
@Controller("/v1/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubscriptionsController {
    static final Set<String> EVENT_TYPES =
            Stream.concat(EventTypes.ALL.stream(), Stream.of(Subscription.ANY)).collect(Collectors.toUnmodifiableSet());
    private final ApiKeyAuth auth;
    private final Subscriptions subscriptions;
    private final CallbackTargets targets;
    private final Clock clock;
    private final JsonMapper json;

    public SubscriptionsController(
            ApiKeyAuth auth, Subscriptions subscriptions, CallbackTargets targets, Clock clock, JsonMapper json) {
        this.json = json;
        this.auth = auth;
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.clock = clock;
    }

    @Serdeable
    public record Subscribed(String id, String secret) {
        @Override
        public String toString() {
            return "Subscribed[" + id + ", secret hidden]";
        }
    }

    @Serdeable
    /** An empty list is shown as one ({@code []}), not left out. */
    public record SubscriptionList(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<Subscription> subscriptions) {}

    @Post(consumes = MediaType.ALL)
    HttpResponse<Subscribed> subscribe(HttpRequest<?> request, @Body @Nullable byte[] body) {
        Connection connection = auth.require(request);
        JsonBodies.requireJson(request);
        Map<String, Object> fields = JsonBodies.parseObject(json, body);
        BodyRules rules = BodyRules.of(fields).allowOnly(Set.of("targetUrl", "events"));
        String targetUrl = fields.get("targetUrl") instanceof String url && !url.isBlank()
                ? rules.absoluteUrl("targetUrl", true)
                : null;
        if (targetUrl == null) {
            rules.error("targetUrl", "INVALID_SUBSCRIPTION", "is required, as a URL string");
        }
        List<String> events = fields.get("events") instanceof List<?> list
                        && !list.isEmpty()
                        && list.stream().allMatch(e -> e instanceof String type && EVENT_TYPES.contains(type))
                ? list.stream().map(String.class::cast).distinct().toList()
                : null;
        if (events == null) {
            rules.error(
                    "events",
                    "INVALID_SUBSCRIPTION",
                    "must list event types among "
                            + EVENT_TYPES.stream().sorted().toList());
        }
        if (rules.hasErrors()) {
            throw ProblemException.invalid(rules.firstCode(), rules.errors());
        }
        targets.refusal(targetUrl, connection.privateNetworks()).ifPresent(why -> {
            throw new ProblemException(
                    Problem.of(422, "TARGET_URL_REFUSED", "Target URL refused", "targetUrl " + why + "."));
        });
        Subscriptions.Created created = subscriptions.create(connection.id(), targetUrl, events, clock.instant());
        return HttpResponse.<Subscribed>status(HttpStatus.CREATED)
                .body(new Subscribed(created.id(), created.secret()))
                .header("Location", "/v1/subscriptions/" + created.id());
    }

    @Get
    SubscriptionList list(HttpRequest<?> request) {
        return new SubscriptionList(subscriptions.list(auth.require(request).id()));
    }

    /** One subscription, as listed; 404 when it is not the caller's (or no longer exists). */
    @Get("/{id}")
    Subscription subscription(HttpRequest<?> request, @PathVariable String id) {
        return subscriptions
                .find(auth.require(request).id(), id)
                .orElseThrow(() -> ProblemException.notFound("Subscription " + id));
    }

    @Delete("/{id}")
    HttpResponse<Void> unsubscribe(HttpRequest<?> request, @PathVariable String id) {
        if (!subscriptions.remove(auth.require(request).id(), id)) {
            throw ProblemException.notFound("Subscription " + id);
        }
        return HttpResponse.noContent();
    }
}
