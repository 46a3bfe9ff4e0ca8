package com.auditybridge.callback;

import com.auditybridge.connection.Connection;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.web.ApiKeyAuth;
import com.auditybridge.web.Queries;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The operator's view of deliveries (docs/api.md): see them with their attempts, redeliver. */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeliveriesController {
    private static final int MAX_PAGE = 200;
    private final ApiKeyAuth auth;
    private final DeliveryStore store;
    private final Redelivery redelivery;

    public DeliveriesController(ApiKeyAuth auth, DeliveryStore store, Redelivery redelivery) {
        this.auth = auth;
        this.store = store;
        this.redelivery = redelivery;
    }

    @Serdeable
    public record DeliveryList(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<DeliveryView> deliveries) {}

    @Serdeable
    public record BulkRedeliver(
            @Nullable String status, @Nullable Instant since) {}

    @Serdeable
    public record Redelivered(
            int redelivered,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<String> ids) {}

    @Get("/runs/{id}/deliveries")
    DeliveryList ofRun(HttpRequest<?> request, @PathVariable String id) {
        Connection connection = auth.require(request);
        if (!store.runExists(connection.id(), id)) {
            throw ProblemException.notFound("Run " + id);
        }
        return new DeliveryList(store.forRun(connection.id(), id).stream()
                .map(d -> DeliveryView.of(d, store.attempts(d.id())))
                .toList());
    }

    @Get("/deliveries")
    DeliveryList byStatus(
            HttpRequest<?> request,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String since,
            @QueryValue @Nullable String limit) {
        Connection connection = auth.require(request);
        int size = Queries.wholeNumber("limit", limit, 50, 1, MAX_PAGE);
        Instant from = Queries.instant("since", since);
        return new DeliveryList(
                store.byStatus(connection.id(), status(status), from == null ? Instant.EPOCH : from, size).stream()
                        .map(d -> DeliveryView.of(d, null))
                        .toList());
    }

    @Get("/deliveries/{id}")
    DeliveryView one(HttpRequest<?> request, @PathVariable String id) {
        Delivery delivery = store.find(auth.require(request).id(), id)
                .orElseThrow(() -> ProblemException.notFound("Delivery " + id));
        return DeliveryView.of(delivery, store.attempts(id));
    }

    @Post("/deliveries/{id}/redeliver")
    DeliveryView redeliver(HttpRequest<?> request, @PathVariable String id) {
        Connection connection = auth.require(request);
        redelivery.one(connection.id(), id);
        return DeliveryView.of(store.find(connection.id(), id).orElseThrow(), store.attempts(id));
    }

    @Post("/deliveries/redeliver")
    Redelivered redeliverAll(HttpRequest<?> request, @Body BulkRedeliver body) {
        Connection connection = auth.require(request);
        List<String> ids = redelivery.all(
                connection.id(), status(body.status()), body.since() == null ? Instant.EPOCH : body.since());
        return new Redelivered(ids.size(), ids);
    }

    private static DeliveryStatus status(@Nullable String wire) {
        String value = wire == null ? "dead" : wire;
        return DeliveryStatus.fromWire(value)
                .filter(s -> s != DeliveryStatus.PENDING)
                .orElseThrow(() -> Queries.invalid("status", "must be one of delivered, dead, gone, cancelled"));
    }
}
