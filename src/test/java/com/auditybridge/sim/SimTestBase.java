package com.auditybridge.sim;

import com.auditybridge.testing.FreePort;
import com.auditybridge.testing.MutableClock;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

/** Real HTTP against the simulators, a fresh simulator state and clock before every test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SimTestBase implements TestPropertyProvider {
    protected static final String TOKEN = "aky_TestToken00000000000000000000001";
    protected static final String OTHER_TOKEN = "aky_OtherToken0000000000000000000002";
    protected static final String ADMIN = "sim-admin";

    @Inject
    @Client("/")
    protected HttpClient client;

    @Inject
    protected MutableClock clock;

    @Inject
    protected JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        // Management endpoints on the same port: their default (8080) is shared with every other build on this host.
        String port = Integer.toString(FreePort.find());
        // A convert's work is real time (a timer, not the clock): none unless a test asks for it.
        return Map.of(
                "micronaut.server.port",
                port,
                "endpoints.all.port",
                port,
                "test.clock",
                "mutable",
                "sim.audity.convert-duration",
                "0s");
    }

    @BeforeEach
    void freshSimulator() {
        resetClock();
        assert admin(HttpRequest.POST("/sim/admin/reset", "")).status() == 204;
    }

    /** Each test starts at a known instant. */
    protected void resetClock() {
        clock.set(MutableClock.START);
    }

    protected Reply call(MutableHttpRequest<?> request) {
        try {
            return reply(client.toBlocking().exchange(request, String.class));
        } catch (HttpClientResponseException e) {
            return reply(e.getResponse());
        }
    }

    protected Reply audity(MutableHttpRequest<?> request, String token) {
        return call(request.bearerAuth(token));
    }

    protected Reply admin(MutableHttpRequest<?> request) {
        return call(request.header("X-Sim-Admin-Token", ADMIN));
    }

    /** Replaces the fault settings of both simulators. */
    protected void faults(Map<String, Object> settings) {
        assert admin(HttpRequest.PUT("/sim/admin/faults", settings)).status() == 200;
    }

    /** Changes the Audity account of {@code update.token}: credits, tier, scopes, analysisBudgetUsd, revoked. */
    protected void account(Map<String, Object> update) {
        assert admin(HttpRequest.PUT("/sim/admin/audity/accounts", update)).status() == 200;
    }

    protected Reply get(String path) {
        return audity(HttpRequest.GET("/sim/audity" + path), TOKEN);
    }

    protected Reply post(String path) {
        return audity(HttpRequest.POST("/sim/audity" + path, ""), TOKEN);
    }

    /** Converts the n-th active lead that is not yet converted and answers the project id. */
    protected String convertedProject(int n) {
        List<?> leads = (List<?>)
                get("/api/lead-generation/leads?sortBy=ai_readiness_score").at("data");
        String lead = leads.stream()
                .map(l -> (Map<?, ?>) l)
                .filter(l -> !"converted".equals(l.get("surveyStatus")))
                .skip(n)
                .findFirst()
                .map(l -> (String) l.get("id"))
                .orElseThrow();
        return post("/api/lead-generation/leads/" + lead + "/convert").text("data.auditId");
    }

    /**
     * A project ready for its async audit: converted, then the clock driven past the interview analysis delay
     * ({@code sim.audity.interview-analysis-delay}, 10 s), as conversion seeds only the business analysis.
     */
    protected String analysedProject(int n) {
        String project = convertedProject(n);
        clock.advance(INTERVIEW_ANALYSIS_DELAY);
        return project;
    }

    /** The default {@code sim.audity.interview-analysis-delay}. */
    protected static final Duration INTERVIEW_ANALYSIS_DELAY = Duration.ofSeconds(10);

    /** Sends without waiting: the answer (any status) when it comes; fails only when no answer comes. */
    protected CompletableFuture<Reply> send(MutableHttpRequest<?> request) {
        return Mono.from(client.exchange(request, String.class))
                .<Reply>map(this::reply)
                .onErrorResume(HttpClientResponseException.class, e -> Mono.just(reply(e.getResponse())))
                .toFuture();
    }

    /** A member of {@code GET /sim/admin/counters}, by dotted path. */
    protected Object counter(String path) {
        return admin(HttpRequest.GET("/sim/admin/counters")).at(path);
    }

    protected Reply reply(HttpResponse<?> response) {
        String body = response.getBody(String.class).orElse("");
        try {
            Object parsed = body.isBlank() ? null : json.readValue(body, Object.class);
            return new Reply(response.code(), body, parsed, response.getHeaders());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer: status, raw body, parsed JSON and headers; {@link #at} walks the JSON by dotted path. */
    public record Reply(int status, String body, Object parsed, HttpHeaders headers) {
        public Object at(String path) {
            Object node = parsed;
            for (String step : path.split("\\.")) {
                node = node instanceof List<?> list ? list.get(Integer.parseInt(step)) : ((Map<?, ?>) node).get(step);
            }
            return node;
        }

        public Map<String, Object> object() {
            return objectAt(null);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> objectAt(String path) {
            return (Map<String, Object>) (path == null ? parsed : at(path));
        }

        public String text(String path) {
            return (String) at(path);
        }

        public String header(String name) {
            return headers.get(name);
        }
    }
}
