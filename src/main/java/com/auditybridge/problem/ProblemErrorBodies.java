package com.auditybridge.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * The errors Micronaut answers itself (a request line or header Netty refuses, an unknown route, a method
 * not allowed, a body that cannot be bound) as {@code application/problem+json} too, like the bridge's own:
 * the code is the status's name, e.g. {@code METHOD_NOT_ALLOWED}.
 */
@Singleton
@Replaces(bean = JsonErrorResponseBodyProvider.class)
public class ProblemErrorBodies implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        String detail =
                context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        return Problem.of(response.code(), status.name().toUpperCase(Locale.ROOT), status.getReason(), detail);
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }
}
