package com.auditybridge.intake;

import com.auditybridge.connection.Connection;
import com.auditybridge.connection.Connections;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.web.ApiKeyAuth;
import com.auditybridge.web.Ids;
import com.auditybridge.web.JsonBodies;
import com.auditybridge.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

/**
 * Audity's own outbound webhooks ({@code X-Audity-Event}, {@code X-Audity-Delivery},
 * {@code {version, event, timestamp, data}}). Audity's settings take only a URL, so the URL carries the
 * connection's webhook token ({@code ?token=awh_…}, good for this endpoint only; see {@code WebhookTokens}), never
 * its API key; a sender that can set headers may use the API key there instead. Answers well within Audity's
 * 10-second limit: it only records and wakes.
 */
@Controller("/v1/hooks/audity")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AudityWebhookController {
    private final ApiKeyAuth auth;
    private final Connections connections;
    private final JsonMapper json;
    private final AudityWebhooks webhooks;

    public AudityWebhookController(ApiKeyAuth auth, Connections connections, JsonMapper json, AudityWebhooks webhooks) {
        this.auth = auth;
        this.connections = connections;
        this.json = json;
        this.webhooks = webhooks;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Audity's own webhook: analysis_generated wakes the project's runs, survey_completed starts a lead sync")
    @Tag(name = "hooks")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HookDocs.AudityWebhook.class)))
    @ProblemResponses
    @SuppressWarnings("unchecked")
    Map<String, Object> receive(
            HttpRequest<?> request,
            @Body @Nullable @Parameter(hidden = true) byte[] body,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description =
                                    "The connection's webhook token (awh_…), for Audity, whose settings take only a URL")
                    String token) {
        Connection connection = token != null
                ? connections.byWebhookToken(token).orElseThrow(ProblemException::unauthorized)
                : auth.require(request);
        String delivery = request.getHeaders().get("X-Audity-Delivery");
        if (delivery == null || Ids.problem(delivery) != null) {
            throw invalid(
                    "X-Audity-Delivery",
                    "MISSING_DELIVERY_ID",
                    "is required: 1 to " + Ids.MAX_LENGTH + " characters, no whitespace, control characters, / or \\");
        }
        JsonBodies.requireJson(request);
        Map<String, Object> payload = JsonBodies.parseObject(json, body);
        if (!"1".equals(String.valueOf(payload.get("version")))) {
            throw invalid(
                    "version",
                    "UNSUPPORTED_VERSION",
                    "must be \"1\"; this bridge reads version 1 of Audity's webhooks");
        }
        Object event = payload.get("event") != null
                ? payload.get("event")
                : request.getHeaders().get("X-Audity-Event");
        Object data = payload.get("data");
        if (!(event instanceof String) || !(data instanceof Map)) {
            throw invalid(event instanceof String ? "data" : "event", "INVALID_FIELD", "is required");
        }
        return webhooks.receive(connection, delivery, (String) event, (Map<String, Object>) data);
    }

    private static ProblemException invalid(String field, String code, String message) {
        return ProblemException.invalid(code, List.of(new Problem.FieldError(field, message)));
    }
}
