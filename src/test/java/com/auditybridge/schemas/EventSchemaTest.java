package com.auditybridge.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs of every flow, driven end to end through the simulator: every event row they write, and
 * every callback the demo inbox receives, conforms to its schema in {@code schemas/events}.
 */
@MicronautTest(environments = "sim", transactional = false)
class EventSchemaTest extends BridgeTestBase {
    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("sim.repo-audit.stage-duration", "5s");
    }

    private String inbox() {
        return "http://127.0.0.1:" + server.getPort() + "/sim/inbox";
    }

    @BeforeEach
    void everyEventAlsoGoesToTheInbox() {
        Reply created = call(HttpRequest.POST("/v1/subscriptions", Map.of("targetUrl", inbox(), "events", List.of("*")))
                .bearerAuth(API_KEY));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** {type, payload} of every event row the bridge wrote. */
    private List<String[]> eventRows() {
        return connections.executeRead(status -> {
            try (var statement = status.getConnection().prepareStatement("select type, payload from event");
                    ResultSet rs = statement.executeQuery()) {
                List<String[]> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
                return rows;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> callbackBodies() {
        scheduler.runAnyDueExecutions();
        List<Map<String, Object>> messages =
                (List<Map<String, Object>>) call(HttpRequest.GET("/sim/inbox")).at("messages");
        return messages.stream().map(m -> (String) m.get("body")).toList();
    }

    private List<String> violations(String type, String payload) {
        return JsonSchemas.violations(JsonSchemas.event(type), payload).stream()
                .map(v -> type + ": " + v + " in " + payload)
                .toList();
    }

    /** Asserts every written event and received callback conforms; answers the event types written. */
    private List<String> assertEventsAndCallbacksConform() {
        List<String[]> rows = eventRows();
        List<String> problems = new ArrayList<>();
        rows.forEach(row -> problems.addAll(violations(row[0], row[1])));
        List<String> bodies = callbackBodies();
        for (String body : bodies) {
            String type = String.valueOf(json(body).get("type"));
            problems.addAll(violations(type, body));
        }
        assertThat(problems).isEmpty();
        assertThat(bodies).as("callbacks received").isNotEmpty();
        return rows.stream().map(row -> row[0]).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLeadToAuditRunWritesLeadConvertedAndAuditCompletedAsTheirSchemasSay() {
        String runId = leadArrived(newLead(), """
                "project":{"industry":"Manufacturing","currency":"EUR"},"callbackUrl":"%s","metadata":{"crmId":"42"},
                "notify":["lead.converted"]""".formatted(inbox()));

        assertThat(driveToEnd(runId, Duration.ofSeconds(5), 100).text("status")).isEqualTo("completed");

        assertThat(assertEventsAndCallbacksConform()).contains("lead.converted", "audit.completed");
    }

    @Test
    void analysisUpdateRepoAuditAndFailedRunsWriteEventsAsTheirSchemasSay() {
        String analysis = analysisRequested(projectFromConversion());
        String update = hook("project-update", """
                {"projectId":"%s","changes":{"description":"New"},"callbackUrl":"%s"}""".formatted(projectFromConversion(), inbox()))
                .text("runId");
        String audit = hook("repo-audit-requested", """
                {"repoUrl":"https://github.com/acme/widgets","publishConsent":true,"metadata":{"k":[1]}}""").text("runId");
        String failing = analysisRequested(PROJECT_ID);

        driveAllToEnd(List.of(analysis, update, audit, failing), Duration.ofSeconds(5), 100);

        assertThat(assertEventsAndCallbacksConform())
                .contains("analysis.completed", "project.updated", "repo_audit.completed", "run.failed");
    }

    @Test
    void runsThatReadThePartsOfTheirFinishedAuditWriteEventsAsTheirSchemasSay() {
        String both = hook("analysis-requested", """
                {"projectId":"%s","include":["analysis","deliverables"],"callbackUrl":"%s"}""".formatted(projectFromConversion(), inbox()))
                .text("runId");
        String analysis = leadArrived(newLead(), "\"include\":[\"analysis\"],\"callbackUrl\":\"" + inbox() + "\"");
        driveAllToEnd(List.of(both, analysis), Duration.ofSeconds(5), 100);
        faults("{\"failReads\":[\"deliverables\"]}");
        String failing = hook("analysis-requested", """
                {"projectId":"%s","include":["analysis","deliverables"]}""".formatted(projectFromConversion()))
                .text("runId");

        assertThat(driveToEnd(failing, Duration.ofSeconds(5), 100).at("result.missing"))
                .isNotNull();

        assertThat(eventRows())
                .filteredOn(row -> row[1].contains("\"resultUrl\""))
                .extracting(row -> row[0])
                .contains("analysis.completed", "audit.completed");
        assertThat(assertEventsAndCallbacksConform()).contains("analysis.completed", "audit.completed");
    }

    @Test
    void theLeadSyncWritesLeadArrivedAsItsSchemaSays() {
        Reply sync = call(HttpRequest.POST("/v1/lead-sync", "").bearerAuth(API_KEY));
        assertThat(sync.status()).as(sync.body()).isEqualTo(202);
        scheduler.runAnyDueExecutions();

        assertThat(assertEventsAndCallbacksConform()).contains("lead.arrived");
    }
}
