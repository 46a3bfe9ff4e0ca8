package com.auditybridge.run.replicas;

import com.auditybridge.testing.FreePort;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The upstream simulators in an application context of their own, on the real clock, with short jobs and
 * analyses ready at conversion.
 * Its own bridge part sits on a private H2 database and never starts its scheduler.
 */
final class Simulator implements AutoCloseable {
    static final String TOKEN = "aky_DemoSimulatorToken0123456789abcd";
    private final ApplicationContext context;
    private final HttpClient client;
    private final String url;

    Simulator(Map<String, Object> settings) {
        int port = FreePort.find();
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("micronaut.server.port", port);
        properties.put("endpoints.all.port", port);
        properties.put(
                "datasources.default.url",
                "jdbc:h2:mem:sim-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        properties.put("bridge.scheduler.autostart", "false");
        properties.put("sim.audity.job-pending", "0s");
        properties.put("sim.audity.job-processing", "1s");
        // These tests are about replicas sharing work and budgets: no interview analysis wait, no convert work.
        properties.put("sim.audity.interview-analysis-delay", "0s");
        properties.put("sim.audity.convert-duration", "0s");
        context = ApplicationContext.builder()
                .environments("sim")
                .properties(properties)
                .start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        if (!server.isRunning()) {
            server.start();
        }
        url = "http://127.0.0.1:" + port;
        client = context.createBean(HttpClient.class, server.getURL());
    }

    String url() {
        return url;
    }

    /** A fresh unconverted lead of the bridge's account, added through the admin API. */
    String newLead(String company) {
        Map<?, ?> lead =
                admin(HttpRequest.POST("/sim/admin/audity/leads", Map.of("token", TOKEN, "companyName", company)));
        return (String) lead.get("id");
    }

    /** What the simulator saw: calls, conversions per lead, 429s, and per token the peak calls in a window. */
    Map<?, ?> counters() {
        return admin(HttpRequest.GET("/sim/admin/counters"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Number> conversions() {
        return (Map<String, Number>) counters().get("conversions");
    }

    /** The peak number of calls of one class ({@code reads}, {@code writes}, {@code polling}) in any window. */
    int peak(String kind) {
        Map<?, ?> peaks = (Map<?, ?>) counters().get("peaks");
        return peaks.values().stream()
                .map(byKind -> ((Map<?, ?>) byKind).get(kind))
                .mapToInt(n -> n == null ? 0 : ((Number) n).intValue())
                .max()
                .orElse(0);
    }

    long rateLimited() {
        Number n = (Number) ((Map<?, ?>) counters().get("rateLimited")).get("audity");
        return n == null ? 0 : n.longValue();
    }

    private Map<?, ?> admin(io.micronaut.http.MutableHttpRequest<?> request) {
        return client.toBlocking()
                .retrieve(
                        request.header("X-Sim-Admin-Token", "sim-admin").contentType(MediaType.APPLICATION_JSON_TYPE),
                        Map.class);
    }

    @Override
    public void close() {
        client.close();
        context.close();
    }
}
