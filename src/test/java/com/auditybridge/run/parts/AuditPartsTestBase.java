package com.auditybridge.run.parts;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import com.auditybridge.upstream.RawJson;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs that read parts of their finished audit, driven through the simulator, with their callbacks sent over HTTP
 * to the simulator's demo inbox and the parts compared with what the simulator itself answers.
 */
abstract class AuditPartsTestBase extends BridgeTestBase {
    static final String BOTH = "\"include\":[\"analysis\",\"deliverables\"]";

    @Inject
    EmbeddedServer server;

    String inbox() {
        return "http://127.0.0.1:" + server.getPort() + "/sim/inbox";
    }

    /** A project of the bridge's account whose analyses exist, so that its audit analysis may start at once. */
    String readyProject() {
        String project = projectFromConversion();
        clock.advance(INTERVIEW_ANALYSIS_DELAY);
        return project;
    }

    /** An analysis-requested hook for {@code projectId} with more members, calling back to the inbox. */
    String analysisRequested(String projectId, String extra) {
        Reply accepted = hook(
                "analysis-requested",
                "{\"projectId\":\"%s\",\"callbackUrl\":\"%s\"%s}"
                        .formatted(projectId, inbox(), extra.isEmpty() ? "" : "," + extra));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.text("runId");
    }

    /** Drives the run to its end and sends its callbacks; answers the run, which must have completed. */
    Reply completed(String runId) {
        Reply run = driveToEnd(runId, Duration.ofSeconds(5), 100);
        assertThat(run.text("status")).as(run.body()).isEqualTo("completed");
        scheduler.runAnyDueExecutions();
        return run(runId);
    }

    /**
     * Executes due work, moving the clock a second at a time (a read held back by the budget waits for it), until
     * the run's result shows no refresh still to read; answers the run.
     */
    Reply refreshed(String runId) {
        for (int round = 0; round < 200; round++) {
            scheduler.runAnyDueExecutions();
            Reply run = run(runId);
            if (run.objectAt("result").get("refreshing") == null) {
                return run;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError(
                "the refresh of run " + runId + " did not end: " + run(runId).body());
    }

    /** The bodies the inbox received for the run, oldest first. */
    @SuppressWarnings("unchecked")
    List<String> callbacksOf(String runId) {
        List<Map<String, Object>> messages =
                (List<Map<String, Object>>) call(HttpRequest.GET("/sim/inbox")).at("messages");
        return messages.stream()
                .map(m -> (String) m.get("body"))
                .filter(body -> runId.equals(((Map<String, Object>) parse(body).get("data")).get("runId")))
                .toList();
    }

    /** The one callback the run sent, parsed; fails unless exactly one arrived. */
    Reply theCallbackOf(String runId) {
        List<String> bodies = callbacksOf(runId);
        assertThat(bodies).as("callbacks of run " + runId).hasSize(1);
        return new Reply(200, bodies.get(0), parse(bodies.get(0)), null);
    }

    /** The simulator's own answer to {@code GET /api/projects/{id}/audit-analysis}, as text. */
    String simAnalysis(String projectId) {
        Reply answer =
                audity(HttpRequest.GET("/sim/audity/api/projects/" + projectId + "/audit-analysis"), BRIDGE_TOKEN);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** The {@code data} of the simulator's own answer to {@code GET /api/projects/{id}/deliverables}, as text. */
    String simDeliverables(String projectId) {
        Reply answer = audity(HttpRequest.GET("/sim/audity/api/projects/" + projectId + "/deliverables"), BRIDGE_TOKEN);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return RawJson.member(answer.body(), "data").orElseThrow().text();
    }

    /** {@code GET} of a run's {@code resultUrl}, with the connection's key. */
    Reply result(String resultUrl) {
        return call(HttpRequest.GET(resultUrl).bearerAuth(API_KEY));
    }

    /** Calls per status the simulator counted on an Audity route, e.g. {@code GET /sim/audity/api/projects/{id}/deliverables}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> callsOf(String route) {
        Object calls = ((Map<String, Object>) counters().get("calls")).get(route);
        return calls == null ? Map.of() : (Map<String, Object>) calls;
    }

    static final String ANALYSIS_ROUTE = "GET /sim/audity/api/projects/{id}/audit-analysis";
    static final String DELIVERABLES_ROUTE = "GET /sim/audity/api/projects/{id}/deliverables";

    @SuppressWarnings("unchecked")
    Map<String, Object> parse(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
