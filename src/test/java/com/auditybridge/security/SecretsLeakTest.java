package com.auditybridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole lead-to-audit run of an admin-made connection through the simulator, with known secrets: no log
 * line, no answer of the bridge (body or header) and no row of its database shows any of them. The one
 * answer allowed to show the key and the signing secret is the creation's, once.
 */
@MicronautTest(environments = "sim", transactional = false)
class SecretsLeakTest extends AdminTestBase {
    private static final String AUDITY_TOKEN = "aky_LeakCanaryToken00000000000000001";
    private static final String SIGNING_SECRET = "whsec_bGVhay1jYW5hcnktc2lnbmluZy1zZWNyZXQtYnl0ZXM=";
    private static final List<String> TABLES = List.of(
            "bridge_connection",
            "api_key",
            "signing_secret",
            "subscription",
            "run",
            "run_event",
            "idempotency_key",
            "event",
            "delivery",
            "delivery_attempt",
            "scheduled_tasks");

    @Inject
    EmbeddedServer server;

    private final LogCapture logs = new LogCapture();
    private final List<String> answers = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        logs.attach();
    }

    @AfterEach
    void releaseLogs() {
        logs.detach();
    }

    /** Records every answer of the bridge's own API (not the simulator's): status, headers and body. */
    @Override
    protected Reply call(MutableHttpRequest<?> request) {
        Reply reply = super.call(request);
        if (request.getPath().startsWith("/v1/")) {
            answers.add(reply.status() + " " + reply.headers().asMap() + " " + reply.body());
        }
        return reply;
    }

    @Test
    void noLogLineAnswerOrStoredRowOfAWholeRunShowsATokenSecretOrKey() {
        Reply created = createConnection("{\"name\":\"Canary\",\"audityToken\":\"" + AUDITY_TOKEN
                + "\",\"signingSecret\":\"" + SIGNING_SECRET + "\"}");
        String key = created.text("apiKey.key");
        String id = created.text("id");
        answers.clear();
        String lead = admin(HttpRequest.POST(
                        "/sim/admin/audity/leads", Map.of("token", AUDITY_TOKEN, "companyName", "Canary Ltd")))
                .text("id");
        String subscriptionSecret = callWithKey(
                        HttpRequest.POST(
                                "/v1/subscriptions",
                                "{\"targetUrl\":\"" + server.getURL() + "/sim/inbox\",\"events\":[\"*\"]}"),
                        key)
                .text("secret");
        answers.clear();

        Reply accepted = callWithKey(
                unsignedHookRequest(
                        "lead-arrived",
                        "{\"leadId\":\"" + lead + "\",\"callbackUrl\":\"" + server.getURL()
                                + "/sim/inbox\",\"metadata\":{\"crmId\":\"42\"}}"),
                key);
        Reply ended = driveWithKey(accepted.text("runId"), key);
        callWithKey(HttpRequest.GET("/v1/runs/" + accepted.text("runId") + "/deliveries"), key);
        callWithKey(HttpRequest.GET("/v1/runs?limit=10"), key);
        callWithKey(HttpRequest.GET("/v1/signing-secret"), key);
        adminCall(HttpRequest.GET("/v1/admin/connections"));
        adminCall(HttpRequest.GET("/v1/admin/connections/" + id));
        adminCall(HttpRequest.PATCH("/v1/admin/connections/" + id, "{\"name\":\"Canary 2\"}"));
        adminCall(HttpRequest.POST(
                "/v1/admin/connections", "{\"name\":\"x\",\"audityToken\":\"" + AUDITY_TOKEN + "x\"}"));

        assertThat(ended.text("status")).as(ended.body()).isEqualTo("completed");
        assertThat(call(HttpRequest.GET("/sim/inbox")).body()).contains(accepted.text("runId"));
        Set<String> secrets = Set.of(AUDITY_TOKEN, SIGNING_SECRET, key, ADMIN_TOKEN, subscriptionSecret);
        assertThat(answers).hasSizeGreaterThan(10);
        assertThat(logs.lines()).isNotEmpty();
        for (String secret : secrets) {
            assertThat(answers).noneMatch(answer -> answer.contains(secret));
            assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
            assertThat(storedText()).doesNotContain(secret);
        }
    }

    private Reply driveWithKey(String runId, String key) {
        for (int round = 0; round < 120; round++) {
            scheduler.runAnyDueExecutions();
            Reply run = callWithKey(HttpRequest.GET("/v1/runs/" + runId), key);
            if (Set.of("completed", "failed", "cancelled").contains(run.text("status"))) {
                scheduler.runAnyDueExecutions();
                return run;
            }
            clock.advance(Duration.ofSeconds(5));
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    /** Every row of the bridge's tables, as one text. */
    private String storedText() {
        StringBuilder text = new StringBuilder();
        for (String table : TABLES) {
            connections.executeRead(status -> {
                try (var statement = status.getConnection().createStatement();
                        var rs = statement.executeQuery("select * from " + table)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            text.append(rs.getString(i)).append(' ');
                        }
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }
        return text.toString();
    }
}
