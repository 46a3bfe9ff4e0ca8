package com.auditybridge.callback;

import com.auditybridge.connection.PrivateNetworks;
import com.auditybridge.upstream.RetryAfter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * POSTs one signed event to its target, exactly as given (query string kept), on the guarded callback
 * client of the connection's private networks. Called from a scheduler worker thread, never from the event loop; whatever happens comes back
 * as an {@link AttemptResult}, never as an exception.
 */
@Singleton
public class DeliverySender {
    public static final String USER_AGENT = "AudityBridge-Webhooks/1";
    private final CallbackClientFactory.CallbackHttp clients;
    private final CallbackSettings settings;
    private final Clock clock;

    public DeliverySender(CallbackClientFactory.CallbackHttp http, CallbackSettings settings, Clock clock) {
        this.clients = http;
        this.settings = settings;
        this.clock = clock;
    }

    public AttemptResult send(String targetUrl, PrivateNetworks networks, SignedHeaders signed, String body) {
        MutableHttpRequest<String> request = HttpRequest.POST(URI.create(targetUrl), body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("webhook-id", signed.id())
                .header("webhook-timestamp", Long.toString(signed.timestamp()))
                .header("webhook-signature", signed.signature())
                .header("User-Agent", USER_AGENT);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = Mono.from(clients.client(networks).exchange(request, String.class))
                    .timeout(settings.timeout())
                    .block();
            return answered(response, start);
        } catch (HttpClientResponseException e) {
            return answered(e.getResponse(), start);
        } catch (RuntimeException e) {
            return new AttemptResult(null, elapsed(start), null, describe(e), null);
        }
    }

    private AttemptResult answered(HttpResponse<?> response, long start) {
        String body = response.getBody(String.class).orElse("");
        Duration retryAfter = RetryAfter.parse(response.getHeaders().get("Retry-After"), clock);
        String error = response.code() >= 300 && response.code() < 400
                ? "redirect not followed (Location: " + response.getHeaders().get("Location") + ")"
                : null;
        return new AttemptResult(response.code(), elapsed(start), excerpt(body), error, retryAfter);
    }

    private String excerpt(String body) {
        return body.length() <= settings.excerptBytes() ? body : body.substring(0, settings.excerptBytes());
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    /** The exception and its causes, e.g. "HttpClientException: Connect Error ← PrivateTargetException: refused: …". */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1500; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.isEmpty() ? "" : " <- ")
                    .append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(t.getMessage());
        }
        return text.toString();
    }
}
