package com.auditybridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code /sim/admin/holds}: a held paid call passes its checks, then commits or aborts only when released. */
@MicronautTest(environments = "sim")
class PaidCallHoldsSimTest extends SimTestBase {
    private static final String AUDITS = "/sim/repo-audit/api/demo/audit";

    @Inject
    EmbeddedServer server;

    @Test
    void holdSettingsRoundTripWithMissingKindsNotHeld() {
        Reply put = admin(HttpRequest.PUT("/sim/admin/holds", Map.of("convert", true)));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.parsed()).isEqualTo(Map.of("convert", true, "trigger", false, "submit", false));
        assertThat(admin(HttpRequest.GET("/sim/admin/holds")).parsed())
                .isEqualTo(
                        Map.of("holds", Map.of("convert", true, "trigger", false, "submit", false), "held", List.of()));
    }

    @Test
    void aHeldConvertCommitsOnlyWhenReleased() {
        String lead = unconvertedLead(0);
        holds(Map.of("convert", true));

        CompletableFuture<Reply> answer = send(convert(lead));
        Map<String, Object> held = awaitHeld(1).get(0);

        assertThat(held)
                .containsEntry("kind", "convert")
                .containsEntry("subject", lead)
                .containsEntry("since", "2026-04-20T12:00:00Z");
        assertThat(answer).isNotDone();
        assertThat(get("/api/user/credits").at("balance")).isEqualTo(10000);
        assertThat(get("/api/lead-generation/leads/" + lead).text("lead.surveyStatus"))
                .isNotEqualTo("converted");
        assertThat(counter("conversions")).isEqualTo(Map.of());

        Reply released = release((String) held.get("id"), "commit");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.object())
                .containsEntry("id", held.get("id"))
                .containsEntry("kind", "convert")
                .containsEntry("subject", lead)
                .containsEntry("outcome", "commit");
        Reply converted = answer.join();
        assertThat(converted.status()).isEqualTo(201);
        assertThat(get("/api/user/credits").at("balance")).isEqualTo(9000);
        assertThat(get("/api/lead-generation/leads/" + lead).text("lead.surveyStatus"))
                .isEqualTo("converted");
        assertThat(counter("conversions")).isEqualTo(Map.of(lead, 1));
        assertThat(counter("projectsByLead")).isEqualTo(Map.of(lead, List.of(converted.text("data.auditId"))));
        assertThat(heldCalls()).isEmpty();
    }

    @Test
    void anAbortedHeldCallChargesNothing() {
        String lead = unconvertedLead(0);
        holds(Map.of("convert", true));
        CompletableFuture<Reply> answer = send(convert(lead));
        String id = (String) awaitHeld(1).get(0).get("id");

        assertThat(release(id, "abort").text("outcome")).isEqualTo("abort");

        Reply aborted = answer.join();
        assertThat(aborted.status()).isEqualTo(500);
        assertThat(aborted.body()).isEmpty();
        assertThat(get("/api/user/credits").at("balance")).isEqualTo(10000);
        assertThat(get("/api/lead-generation/leads/" + lead).text("lead.surveyStatus"))
                .isNotEqualTo("converted");
        assertThat(counter("conversions")).isEqualTo(Map.of());
        assertThat(counter("projectsByLead")).isEqualTo(Map.of());
        assertThat(get("/api/projects").parsed()).isEqualTo(List.of());
    }

    @Test
    void aHeldTriggerCreatesItsJobOnlyWhenReleased() {
        String project = analysedProject(0);
        holds(Map.of("trigger", true));

        CompletableFuture<Reply> answer =
                send(HttpRequest.POST("/sim/audity/api/agent/projects/" + project + "/audit-analysis/async", "")
                        .bearerAuth(TOKEN));
        Map<String, Object> held = awaitHeld(1).get(0);
        clock.advance(Duration.ofSeconds(5));

        assertThat(held).containsEntry("kind", "trigger").containsEntry("subject", project);
        assertThat(counter("jobs")).isEqualTo(Map.of());
        assertThat(get("/api/projects/" + project + "/audit-analysis").status()).isEqualTo(404);
        release((String) held.get("id"), "commit");
        Reply started = answer.join();
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.text("data.createdAt")).isEqualTo("2026-04-20T12:00:15Z");
        assertThat(counter("jobs")).isEqualTo(Map.of(project, 1));
        assertThat(get("/api/agent/jobs/" + started.text("data.jobId")).text("data.status"))
                .isEqualTo("pending");
    }

    @Test
    void aHeldSubmitCreatesItsAuditOnlyWhenReleased() {
        holds(Map.of("submit", true));

        CompletableFuture<Reply> answer = send(HttpRequest.POST(
                        AUDITS, Map.of("repo_url", "https://GitHub.com/Owner/Repo.git", "publish_consent", true))
                .bearerAuth("clerk"));
        Map<String, Object> held = awaitHeld(1).get(0);

        assertThat(held).containsEntry("kind", "submit").containsEntry("subject", "https://github.com/Owner/Repo");
        assertThat(counter("audits")).isEqualTo(Map.of());
        assertThat(counter("repoAuditSubmits")).isEqualTo(Map.of("https://github.com/Owner/Repo", 1));
        release((String) held.get("id"), "commit");
        Reply queued = answer.join();
        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.text("status")).isEqualTo("queued");
        assertThat(counter("audits")).isEqualTo(Map.of("https://github.com/Owner/Repo", 1));
        assertThat(call(HttpRequest.GET(AUDITS + "/" + queued.text("audit_id"))).text("status"))
                .isEqualTo("queued");
    }

    @Test
    void aHeldCallWhoseCallerGaveUpStillCommitsWhenReleased() {
        String lead = unconvertedLead(0);
        holds(Map.of("convert", true));

        try (HttpClient impatient = impatientClient()) {
            assertThatThrownBy(() -> impatient.toBlocking().exchange(convert(lead)))
                    .isNotInstanceOf(HttpClientResponseException.class);
        }
        String id = (String) awaitHeld(1).get(0).get("id");

        assertThat(release(id, "commit").status()).isEqualTo(200);
        assertThat(counter("conversions")).isEqualTo(Map.of(lead, 1));
        assertThat(get("/api/user/credits").at("balance")).isEqualTo(9000);
    }

    @Test
    void twoHeldConvertsOfOneLeadBothPassTheCheckAndReleaseAllChargesBoth() {
        String lead = unconvertedLead(0);
        holds(Map.of("convert", true));
        CompletableFuture<Reply> first = send(convert(lead));
        awaitHeld(1);
        CompletableFuture<Reply> second = send(convert(lead));
        awaitHeld(2);

        Reply released = admin(HttpRequest.POST("/sim/admin/holds/release-all", Map.of("outcome", "commit")));

        assertThat(released.text("outcome")).isEqualTo("commit");
        assertThat((List<?>) released.at("released")).hasSize(2);
        String one = first.join().text("data.auditId");
        String two = second.join().text("data.auditId");
        assertThat(one).isNotEqualTo(two);
        assertThat(counter("conversions")).isEqualTo(Map.of(lead, 2));
        assertThat(counter("projectsByLead")).isEqualTo(Map.of(lead, List.of(one, two)));
        assertThat(get("/api/user/credits").at("balance")).isEqualTo(8000);
        assertThat(heldCalls()).isEmpty();
    }

    @Test
    void releasingAnUnknownOrAlreadyReleasedCallAnswers404() {
        holds(Map.of("convert", true));
        CompletableFuture<Reply> answer = send(convert(unconvertedLead(0)));
        String id = (String) awaitHeld(1).get(0).get("id");
        release(id, "abort");
        answer.join();

        assertThat(release(id, "commit").status()).isEqualTo(404);
        assertThat(release("no-such-call", "commit").status()).isEqualTo(404);
        assertThat(admin(HttpRequest.POST("/sim/admin/holds/" + id + "/release", Map.of("outcome", "maybe")))
                        .status())
                .isEqualTo(400);
        assertThat(counter("conversions")).isEqualTo(Map.of());
    }

    @Test
    void resetAbortsHeldCallsAndClearsTheHolds() {
        holds(Map.of("convert", true, "submit", true));
        CompletableFuture<Reply> answer = send(convert(unconvertedLead(0)));
        awaitHeld(1);

        admin(HttpRequest.POST("/sim/admin/reset", ""));

        assertThat(answer.join().status()).isEqualTo(500);
        assertThat(admin(HttpRequest.GET("/sim/admin/holds")).parsed())
                .isEqualTo(Map.of(
                        "holds", Map.of("convert", false, "trigger", false, "submit", false), "held", List.of()));
        assertThat(counter("conversions")).isEqualTo(Map.of());
    }

    @Test
    void refusedCallsAreNeverHeld() {
        String project = convertedProject(0);
        holds(Map.of("convert", true, "trigger", true));

        assertThat(post("/api/lead-generation/leads/unknown/convert").status()).isEqualTo(404);
        assertThat(post("/api/agent/projects/" + project + "/audit-analysis/async")
                        .status())
                .isEqualTo(422);
        assertThat(heldCalls()).isEmpty();
    }

    private void holds(Map<String, Object> settings) {
        assertThat(admin(HttpRequest.PUT("/sim/admin/holds", settings)).status())
                .isEqualTo(200);
    }

    private Reply release(String id, String outcome) {
        return admin(HttpRequest.POST("/sim/admin/holds/" + id + "/release", Map.of("outcome", outcome)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> heldCalls() {
        return (List<Map<String, Object>>)
                admin(HttpRequest.GET("/sim/admin/holds")).at("held");
    }

    /** The held calls, once there are {@code count} of them (the requests travel on other threads). */
    private List<Map<String, Object>> awaitHeld(int count) {
        return await().atMost(Duration.ofSeconds(10)).until(this::heldCalls, held -> held.size() == count);
    }

    private static io.micronaut.http.MutableHttpRequest<?> convert(String lead) {
        return HttpRequest.POST("/sim/audity/api/lead-generation/leads/" + lead + "/convert", "")
                .bearerAuth(TOKEN);
    }

    private String unconvertedLead(int n) {
        List<?> leads = (List<?>)
                get("/api/lead-generation/leads?sortBy=ai_readiness_score").at("data");
        return leads.stream()
                .map(l -> (Map<?, ?>) l)
                .filter(l -> !"converted".equals(l.get("surveyStatus")))
                .skip(n)
                .findFirst()
                .map(l -> (String) l.get("id"))
                .orElseThrow();
    }

    private HttpClient impatientClient() {
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setReadTimeout(Duration.ofMillis(300));
        return HttpClient.create(server.getURL(), config);
    }
}
