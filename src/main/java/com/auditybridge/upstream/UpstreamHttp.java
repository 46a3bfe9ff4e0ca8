package com.auditybridge.upstream;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriTemplate;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

/**
 * One blocking JSON exchange with an upstream, always ending in an {@link Outcome}. Blocking is fine:
 * callers run on worker threads. No retries, waits or limits here; policies decorate the API calls.
 * The token goes into the header only and is never logged or put into a message.
 */
public final class UpstreamHttp implements AutoCloseable {

    private final HttpClient client;
    /** The base URL's own path (e.g. a gateway prefix); the client resolves request paths from the host. */
    private final String basePath;

    private final JsonMapper json;
    private final HttpOutcomes outcomes;

    public UpstreamHttp(UpstreamSettings settings, String defaultBaseUrl, JsonMapper json, Clock clock) {
        java.net.URL base = settings.baseUrlOr(defaultBaseUrl);
        this.client = HttpClient.create(base, settings.clientConfiguration());
        this.basePath = base.getPath().endsWith("/")
                ? base.getPath().substring(0, base.getPath().length() - 1)
                : base.getPath();
        this.json = json;
        this.outcomes = new HttpOutcomes(json, clock);
    }

    /** Sends {@code body} as JSON when it is not null; no body and no Content-Type otherwise. */
    public <T> Outcome<T> call(
            HttpMethod method, String uri, String token, Object body, Shape<T> shape, ErrorRule rule) {
        MutableHttpRequest<Object> request =
                HttpRequest.create(method, basePath + uri).accept(MediaType.APPLICATION_JSON_TYPE);
        if (token != null && !token.isBlank()) {
            request.bearerAuth(token);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON_TYPE).body(toJson(body));
        }
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return outcomes.of(response, shape, rule);
        } catch (HttpClientResponseException errorStatus) {
            // The blocking client throws for every status >= 400; the answer inside is all we need.
            return outcomes.of(errorStatus.getResponse(), shape, rule);
        } catch (HttpClientException failure) {
            return outcomes.of(failure);
        }
    }

    /** Expands {@code {id}} in {@code template} as one percent-encoded path segment. */
    public static String path(String template, String id) {
        return UriTemplate.of(template).expand(Map.of("id", id));
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "request body not serializable: " + body.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
