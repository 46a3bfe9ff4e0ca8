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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

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
        String port = Integer.toString(FreePort.find());
        // The management endpoints default to their own port 8080 (MANAGEMENT_PORT): keep them on the
        // test's free port so that parallel builds never fight over 8080.
        return Map.of("micronaut.server.port", port, "endpoints.all.port", port, "test.clock", "mutable");
    }

    @BeforeEach
    void freshSimulator() {
        clock.set(MutableClock.START);
        assert admin(HttpRequest.POST("/sim/admin/reset", "")).status() == 204;
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

    protected Reply get(String path) {
        return audity(HttpRequest.GET("/sim/audity" + path), TOKEN);
    }

    protected Reply post(String path) {
        return audity(HttpRequest.POST("/sim/audity" + path, ""), TOKEN);
    }

    /** Converts the n-th active lead that is not yet converted and answers the project id. */
    protected String convertedProject(int n) {
        List<?> leads = (List<?>) get("/api/lead-generation/leads?sortBy=ai_readiness_score").at("data");
        String lead = leads.stream().map(l -> (Map<?, ?>) l).filter(l -> !"converted".equals(l.get("surveyStatus")))
                .skip(n).findFirst().map(l -> (String) l.get("id")).orElseThrow();
        return post("/api/lead-generation/leads/" + lead + "/convert").text("data.auditId");
    }

    private Reply reply(HttpResponse<?> response) {
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
