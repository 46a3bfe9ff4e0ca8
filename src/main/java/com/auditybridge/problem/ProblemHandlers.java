package com.auditybridge.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns the exceptions a request can end in into {@code application/problem+json} answers. */
public final class ProblemHandlers {
    private ProblemHandlers() {}

    public static MutableHttpResponse<Problem> respond(Problem problem) {
        return HttpResponse.<Problem>status(io.micronaut.http.HttpStatus.valueOf(problem.status()))
                .contentType(Problem.MEDIA_TYPE)
                .body(problem);
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = ProblemException.class)
    public static class OfProblem implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
            MutableHttpResponse<Problem> response = respond(exception.problem());
            exception.headers().forEach(response::header);
            return response;
        }
    }

    /** Replaces Micronaut's own handler: two handlers of one exception are ambiguous and answer 500. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = ContentLengthExceededException.class)
    @Replaces(ContentLengthExceededHandler.class)
    public static class OfBodyTooLarge
            implements ExceptionHandler<ContentLengthExceededException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ContentLengthExceededException exception) {
            return respond(Problem.of(413, "BODY_TOO_LARGE", "Body too large", exception.getMessage()));
        }
    }
}
