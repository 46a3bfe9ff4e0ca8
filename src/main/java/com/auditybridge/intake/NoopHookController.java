package com.auditybridge.intake;

import com.auditybridge.run.RunInput;
import com.auditybridge.web.ApiKeyAuth;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * The intake benchmark's baseline: the same key check, parsing and validation as the real hook, and
 * no database. The difference between the two is the price of a durable 202. Only with
 * {@code bridge.bench.noop-hook=true}.
 */
@Controller("/bench")
@Requires(property = "bridge.bench.noop-hook", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
public class NoopHookController {
    private final ApiKeyAuth auth;
    private final JsonMapper json;

    public NoopHookController(ApiKeyAuth auth, JsonMapper json) {
        this.auth = auth;
        this.json = json;
    }

    @Post(uri = "/noop-lead-arrived", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @SuppressWarnings("unchecked")
    HttpResponse<?> noop(HttpRequest<?> request, @Body @Nullable String body) throws IOException {
        auth.require(request);
        RunInput input = HookBodies.leadArrived(json.readValue(body, Map.class));
        String runId = UUID.randomUUID().toString();
        return HttpResponse.status(HttpStatus.ACCEPTED)
                .body(Map.of(
                        "runId",
                        runId,
                        "flow",
                        "lead-to-audit",
                        "status",
                        "queued",
                        "statusUrl",
                        "/v1/runs/" + runId,
                        "leadId",
                        input.leadId()));
    }
}
