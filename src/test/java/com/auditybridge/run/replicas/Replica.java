package com.auditybridge.run.replicas;

import com.auditybridge.testing.FreePort;
import com.auditybridge.testing.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * One bridge replica: its own application context, HTTP port and REAL started db-scheduler (polling every
 * 100 ms) on the shared database, on the system clock, talking to the simulator over HTTP.
 */
final class Replica implements AutoCloseable {
    static final String API_KEY = "test-key";
    private final String name;
    private final ApplicationContext context;
    private final HttpClient client;

    Replica(String name, TestDatabase database, Simulator simulator, Map<String, Object> settings) {
        this.name = name;
        int port = FreePort.find();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("micronaut.server.port", port);
        properties.put("endpoints.all.port", port);
        properties.put("audity.base-url", simulator.url() + "/sim/audity");
        properties.put("audity.token", Simulator.TOKEN);
        properties.put("repo-audit.base-url", simulator.url() + "/sim/repo-audit");
        properties.put("bridge.api-keys", API_KEY);
        properties.put("bridge.allow-private-callbacks", "true");
        properties.put("bridge.scheduler.polling-interval", "100ms");
        properties.put("bridge.scheduler.heartbeat", "1s");
        properties.put("bridge.scheduler.shutdown-wait", "2s");
        properties.put("bridge.flows.poll-initial", "1s");
        properties.put("bridge.flows.poll-max", "1s");
        properties.putAll(settings);
        context = ApplicationContext.builder().properties(properties).start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        if (!server.isRunning()) {
            server.start();
        }
        client = context.createBean(HttpClient.class, server.getURL());
    }

    String name() {
        return name;
    }

    /** Posts a lead-arrived hook to this replica's port and answers the run id. */
    String leadArrived(String leadId) {
        Map<?, ?> accepted = client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/v1/hooks/lead-arrived", "{\"leadId\":\"" + leadId + "\"}")
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .bearerAuth(API_KEY),
                        Map.class);
        return (String) accepted.get("runId");
    }

    /** Posts a lead-arrived hook to this replica's port and answers the HTTP status, whatever it is. */
    int leadArrivedStatus(String leadId) {
        try {
            return client.toBlocking()
                    .exchange(HttpRequest.POST("/v1/hooks/lead-arrived", "{\"leadId\":\"" + leadId + "\"}")
                            .contentType(MediaType.APPLICATION_JSON_TYPE)
                            .bearerAuth(API_KEY))
                    .code();
        } catch (HttpClientResponseException refused) {
            return refused.code();
        }
    }

    /** Upstream calls this replica made, by call class ({@code AUDITY_WRITE}, ...), whatever their outcome. */
    Map<String, Long> upstreamCalls() {
        Map<String, Long> calls = new java.util.TreeMap<>();
        for (Counter counter : context.getBean(MeterRegistry.class)
                .find("bridge.upstream.calls")
                .counters()) {
            calls.merge(counter.getId().getTag("class"), (long) counter.count(), Long::sum);
        }
        return calls;
    }

    @Override
    public void close() {
        client.close();
        context.close();
    }

    @Override
    public String toString() {
        return name + " " + upstreamCalls();
    }
}
