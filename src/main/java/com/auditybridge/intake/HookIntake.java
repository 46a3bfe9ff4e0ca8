package com.auditybridge.intake;

import com.auditybridge.callback.CallbackTargets;
import com.auditybridge.connection.Connection;
import com.auditybridge.connection.Digests;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.run.Flow;
import com.auditybridge.run.GroupedIntake;
import com.auditybridge.run.IntakeSettings;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunInput;
import com.auditybridge.run.RunIntake;
import com.auditybridge.run.RunViews;
import com.auditybridge.run.RunWaiter;
import com.auditybridge.web.ApiKeyAuth;
import com.auditybridge.web.JsonBodies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The way of one hook: key → connection, JSON only, strict body, callback target allowed, then the
 * durable run (or the one it duplicates), and an answer at once or after {@code ?wait=N}.
 */
@Singleton
public class HookIntake {
    private final ApiKeyAuth auth;
    private final JsonMapper json;
    private final CallbackTargets targets;
    private final RunIntake runs;
    private final GroupedIntake grouped;
    private final RunWaiter waiter;
    private final RunViews views;
    private final IntakeSettings settings;
    private final InboundRate rate;

    public HookIntake(
            ApiKeyAuth auth,
            JsonMapper json,
            CallbackTargets targets,
            RunIntake runs,
            GroupedIntake grouped,
            RunWaiter waiter,
            RunViews views,
            IntakeSettings settings,
            InboundRate rate) {
        this.auth = auth;
        this.rate = rate;
        this.json = json;
        this.targets = targets;
        this.runs = runs;
        this.grouped = grouped;
        this.waiter = waiter;
        this.views = views;
        this.settings = settings;
    }

    public CompletableFuture<HttpResponse<?>> handle(
            HttpRequest<?> request,
            byte[] body,
            String wait,
            Flow flow,
            Function<Map<String, Object>, RunInput> parse) {
        Connection connection = auth.require(request);
        rate.admit(connection);
        Duration waitFor = waitParameter(wait);
        JsonBodies.requireJson(request);
        RunInput input = parse.apply(JsonBodies.parseObject(json, body));
        if (input.callbackUrl() != null) {
            targets.refusal(input.callbackUrl(), connection.privateNetworks()).ifPresent(why -> {
                throw new ProblemException(
                        Problem.of(422, "CALLBACK_URL_REFUSED", "Callback URL refused", "callbackUrl " + why + "."));
            });
        }
        String key = request.getHeaders().get("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
            throw ProblemException.invalid(
                    "INVALID_IDEMPOTENCY_KEY",
                    List.of(new Problem.FieldError("Idempotency-Key", "must be 1 to 255 printable ASCII characters")));
        }
        // The body passed the gate, so it is UTF-8: its text is the one the caller sent.
        RunIntake.Accepted accepted =
                accept(connection, flow, input, key, flow.wireName() + "\n" + new String(body, StandardCharsets.UTF_8));
        if (waitFor.isZero() || accepted.run().status().terminal()) {
            return CompletableFuture.completedFuture(answer(accepted.run(), accepted.deduped()));
        }
        return waiter.awaitEnd(accepted.run().id(), waitFor)
                .thenApply(ended -> ended.<HttpResponse<?>>map(run -> HttpResponse.ok(views.full(run)))
                        .orElseGet(() -> answer(accepted.run(), accepted.deduped())));
    }

    private RunIntake.Accepted accept(Connection connection, Flow flow, RunInput input, String key, String request) {
        if (key == null) {
            Optional<RunIntake.Accepted> together = grouped.accept(connection, flow, input);
            if (together.isPresent()) {
                return together.get();
            }
        }
        String hash = Digests.sha256Hex(request);
        try {
            return runs.accept(connection, flow, input, key, hash);
        } catch (RuntimeException e) {
            if (!RunIntake.isDuplicate(e)) {
                throw e;
            }
            // A concurrent twin committed first; its run is the answer (or a 409 while it is still unseen).
            return runs.accept(connection, flow, input, key, hash);
        }
    }

    private HttpResponse<?> answer(Run run, boolean deduped) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", run.id());
        body.put("flow", run.flow().wireName());
        body.put("status", run.status().wireName());
        body.put("statusUrl", "/v1/runs/" + run.id());
        if (deduped) {
            body.put("deduped", true);
            return HttpResponse.ok(body);
        }
        return HttpResponse.status(HttpStatus.ACCEPTED)
                .header("Location", "/v1/runs/" + run.id())
                .body(body);
    }

    private Duration waitParameter(String wait) {
        if (wait == null) {
            return Duration.ZERO;
        }
        try {
            int seconds = Integer.parseInt(wait);
            if (seconds >= 0 && seconds <= settings.maxWait().toSeconds()) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException ignored) {
            // falls through to the problem below
        }
        throw ProblemException.invalid(
                "INVALID_WAIT",
                List.of(new Problem.FieldError(
                        "wait",
                        "must be a whole number of seconds from 0 to "
                                + settings.maxWait().toSeconds())));
    }
}
