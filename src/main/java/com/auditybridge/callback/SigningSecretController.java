package com.auditybridge.callback;

import com.auditybridge.connection.Connection;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import com.auditybridge.web.ApiKeyAuth;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /v1/signing-secret}: the secret the bridge generated for the caller's connection, shown
 * exactly once (then 410). A secret the operator configured is never echoed (409): they have it.
 */
@Controller("/v1/signing-secret")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SigningSecretController {
    private final ApiKeyAuth auth;
    private final GeneratedSecrets generated;

    public SigningSecretController(ApiKeyAuth auth, GeneratedSecrets generated) {
        this.auth = auth;
        this.generated = generated;
    }

    @Serdeable
    public record SigningSecret(String secret) {
        @Override
        public String toString() {
            return "SigningSecret[hidden]";
        }
    }

    @Get
    SigningSecret reveal(HttpRequest<?> request) {
        Connection connection = auth.require(request);
        if (connection.signingSecret() != null) {
            throw new ProblemException(Problem.of(
                    409,
                    "SECRET_CONFIGURED",
                    "Secret configured",
                    "This connection signs with a configured secret (BRIDGE_SIGNING_SECRET, or the one shown when the"
                            + " connection was created); it is not shown."));
        }
        generated.ensure(connection.id());
        return generated
                .revealOnce(connection.id())
                .map(SigningSecret::new)
                .orElseThrow(() -> new ProblemException(Problem.of(
                        410,
                        "SECRET_ALREADY_SHOWN",
                        "Secret already shown",
                        "The generated signing secret was shown once and is not shown again.")));
    }
}
