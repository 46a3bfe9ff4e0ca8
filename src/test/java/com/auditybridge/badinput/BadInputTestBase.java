package com.auditybridge.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import com.auditybridge.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends corpus cases over a bare socket and checks the refusal: its problem, and not one row left behind. */
abstract class BadInputTestBase extends BridgeTestBase {
    private static final List<String> ROWS = List.of(
            "run",
            "run_event",
            "idempotency_key",
            "subscription",
            "event",
            "delivery",
            "delivery_attempt",
            "inbound_delivery",
            "lead_seen");

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        // The corpus sends far more than a caller's minute allows; the inbound rate has its own test.
        return Map.of("bridge.intake.requests-per-minute", "100000");
    }

    protected void assertRefusedLeavingNoRow(BadInputCase bad) {
        bad.before().forEach(step -> {
            RawHttp.Answer answer = send(step);
            assertThat(answer.status())
                    .as("setup of " + bad + ": " + answer.body())
                    .isBetween(200, 299);
        });
        Map<String, Long> before = rowCounts();

        RawHttp.Answer answer = send(bad.request());

        assertThat(answer.status()).as(bad + " answered " + answer.body()).isEqualTo(bad.status());
        assertThat(answer.header("Content-Type"))
                .as(bad + " answered " + answer.body())
                .startsWith("application/problem+json");
        Map<String, Object> problem = parse(answer.body());
        assertThat(problem)
                .as(answer.body())
                .containsKeys("type", "title", "status", "detail", "code")
                .containsEntry("status", bad.status());
        if (bad.code() != null) {
            assertThat(problem).as(answer.body()).containsEntry("code", bad.code());
        }
        assertThat(errorFields(problem)).as(answer.body()).containsAll(bad.fields());
        assertThat(rowCounts()).as("rows left behind by " + bad).isEqualTo(before);
    }

    private RawHttp.Answer send(BadInputCase.Request request) {
        return new RawHttp("127.0.0.1", server.getPort())
                .send(
                        request.method(),
                        BadInputCase.expand(request.path()),
                        request.expandedHeaders(),
                        request.bodyBytes());
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        ROWS.forEach(table -> counts.put(table, count("select count(*) from " + table)));
        counts.put("queued runs", count("select count(*) from scheduled_tasks where task_name = 'run'"));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> errorFields(Map<String, Object> problem) {
        Object errors = problem.get("errors");
        return errors == null
                ? List.of()
                : ((List<Map<String, Object>>) errors)
                        .stream().map(e -> String.valueOf(e.get("field"))).toList();
    }
}
