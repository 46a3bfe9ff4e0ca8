package com.auditybridge.testing;

import com.auditybridge.run.Run;
import com.auditybridge.run.RunStore;
import com.auditybridge.run.StepRunner;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One bridge "process": its own application context and HTTP server on a database that outlives it,
 * talking to a simulator elsewhere, with a manual scheduler and a clock the test moves. Closing it is the crash.
 */
public final class BridgeProcess implements AutoCloseable {
    private final ApplicationContext context;
    private final HttpClient client;

    private BridgeProcess(ApplicationContext context) {
        this.context = context;
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        this.client = context.createBean(HttpClient.class, server.getURL());
    }

    /** Starts a bridge on {@code database} (an H2 file or a Postgres schema) against the simulator at {@code simulatorUrl}. */
    public static BridgeProcess start(
            TestDatabase database, String simulatorUrl, String token, String apiKey, Instant now) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        int port = FreePort.find();
        properties.put("micronaut.server.port", port);
        properties.put("endpoints.all.port", port);
        properties.put("audity.base-url", simulatorUrl + "/sim/audity");
        properties.put("audity.token", token);
        properties.put("bridge.api-keys", apiKey);
        properties.put("bridge.allow-private-callbacks", "true");
        properties.put("test.scheduler", "manual");
        properties.put("test.clock", "mutable");
        BridgeProcess process = new BridgeProcess(
                ApplicationContext.builder().properties(properties).start());
        process.clock().set(now);
        return process;
    }

    /** Posts a hook over HTTP and answers the run id. */
    public String hook(String path, String body, String apiKey) {
        Map<?, ?> accepted = client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/v1/hooks/" + path, body)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .bearerAuth(apiKey),
                        Map.class);
        return (String) accepted.get("runId");
    }

    public MutableClock clock() {
        return context.getBean(MutableClock.class);
    }

    public ManualScheduler scheduler() {
        return context.getBean(ManualScheduler.class);
    }

    /** Executes exactly one step of one run, as the scheduler would; to put runs where a crash should find them. */
    public void step(String runId) {
        context.getBean(StepRunner.class).drive(runId);
    }

    public Run run(String runId) {
        return context.getBean(RunStore.class).find(runId).orElseThrow();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public URI url() {
        return context.getBean(EmbeddedServer.class).getURI();
    }

    @Override
    public void close() {
        client.close();
        context.close();
    }
}
