package com.auditybridge.upstream;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.NoHostException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns whatever an HTTP call came to (an answer of any status, or a transport failure) into an
 * {@link Outcome}. Shared by every upstream client; what is particular to one API comes in as an {@link ErrorRule}.
 */
public final class HttpOutcomes {

    private final JsonMapper json;
    private final Clock clock;

    public HttpOutcomes(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public <T> Outcome<T> of(HttpResponse<?> response, Shape<T> shape, ErrorRule rule) {
        int status = response.code();
        String body = response.getBody(String.class).orElse(null);
        if (status >= 200 && status <= 299) {
            return success(status, body, shape);
        }
        Duration retryAfter = RetryAfter.parse(response.getHeaders().get("Retry-After"), clock);
        return Outcome.failure(error(status, retryAfter, ErrorBody.read(json, body), rule));
    }

    public <T> Outcome<T> of(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        if (failure instanceof ReadTimeoutException) {
            return Outcome.failure(UpstreamError.of(UpstreamErrorKind.TIMEOUT, 0, null, message));
        }
        UpstreamError network = UpstreamError.of(UpstreamErrorKind.NETWORK, 0, null, message);
        // Only a connection that never opened proves the request was not sent; a reset may come after it was read.
        return Outcome.failure(neverConnected(failure) ? network.notSent() : network);
    }

    @SuppressWarnings("unchecked")
    private <T> Outcome<T> success(int status, String body, Shape<T> shape) {
        if (shape.isRaw()) {
            Optional<RawJson> raw = shape.field() == null ? RawJson.of(body) : RawJson.member(body, shape.field());
            return raw.isPresent() ? Outcome.success(status, (T) raw.get()) : unreadable(status, body);
        }
        JsonNode node = ErrorBody.tree(json, body);
        JsonNode value = node == null || shape.field() == null ? node : node.get(shape.field());
        try {
            T read = value == null || value.isNull() ? null : json.readValueFromTree(value, shape.type());
            if (read != null) {
                return Outcome.success(status, read);
            }
        } catch (IOException | RuntimeException unreadable) {
            // reported below with the body, which says more than the parser
        }
        return unreadable(status, body);
    }

    private static <T> Outcome<T> unreadable(int status, String body) {
        return Outcome.failure(UpstreamError.of(
                UpstreamErrorKind.UNEXPECTED, status, null, ErrorBody.cut("unreadable answer: " + body)));
    }

    private static UpstreamError error(int status, Duration retryAfter, ErrorBody body, ErrorRule rule) {
        UpstreamErrorKind special = rule.kindFor(status, body);
        UpstreamErrorKind kind = special != null ? special : ErrorKinds.of(status, body, retryAfter != null);
        UpstreamError error =
                UpstreamError.of(kind, status, body.code(), body.message()).withDetails(body.details());
        if (status == 429 || status == 503) {
            error = error.withRetryAfter(retryAfter);
        }
        return kind == UpstreamErrorKind.TIER_REQUIRED
                ? error.withTiers(body.currentTier(), body.requiredTier())
                : error;
    }

    private static boolean neverConnected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoHostException) {
                return true;
            }
        }
        return false;
    }
}
