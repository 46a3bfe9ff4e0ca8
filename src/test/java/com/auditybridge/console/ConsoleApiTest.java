package com.auditybridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.security.AdminTestBase;
import com.auditybridge.upstream.UpstreamGate;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What the operator console reads, over the public API: runs by project and creation time, the counts of runs by
 * status over a window, and the caller's own budgets. Another connection's runs and budgets stay invisible.
 */
@MicronautTest(environments = "sim", transactional = false)
class ConsoleApiTest extends AdminTestBase {
    private static final String OTHER_PROJECT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private Reply runs(String query) {
        return call(HttpRequest.GET("/v1/runs" + query).bearerAuth(API_KEY));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Reply page) {
        return ((List<Map<String, Object>>) page.at("runs"))
                .stream().map(r -> (String) r.get("runId")).toList();
    }

    private static String at(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void runsAreFoundByProjectAndByWhenTheyWereCreatedNewestFirst() {
        Instant start = clock.instant();
        String first = analysisRequested(PROJECT_ID);
        clock.advance(Duration.ofMinutes(10));
        String second = analysisRequested(OTHER_PROJECT);
        clock.advance(Duration.ofMinutes(10));
        String third = analysisRequested(PROJECT_ID);

        assertThat(ids(runs("?projectId=" + PROJECT_ID))).containsExactly(third, first);
        assertThat(ids(runs("?createdFrom=" + at(start.plus(Duration.ofMinutes(5))))))
                .containsExactly(third, second);
        assertThat(ids(runs("?createdTo=" + at(start.plus(Duration.ofMinutes(10))))))
                .as("createdTo is exclusive")
                .containsExactly(first);
        String twoHoursEast = start.plus(Duration.ofMinutes(5))
                .atOffset(ZoneOffset.ofHours(2))
                .toString();
        assertThat(ids(runs("?projectId=" + PROJECT_ID + "&createdFrom="
                        + URLEncoder.encode(twoHoursEast, StandardCharsets.UTF_8))))
                .as("an instant with an offset is the same instant")
                .containsExactly(third);

        Reply page = runs("?createdFrom=" + at(start) + "&limit=2");
        assertThat(ids(page)).containsExactly(third, second);
        assertThat(ids(runs("?createdFrom=" + at(start) + "&limit=2&cursor=" + page.text("nextCursor"))))
                .as("the cursor pages within the filter")
                .containsExactly(first);
    }

    @Test
    void theStatsCountTheWindowsRunsByTheStatusEachIsInNowPerInterval() {
        Instant now = clock.instant().plus(Duration.ofHours(2));
        analysisRequested(PROJECT_ID); // two hours before: outside the window
        clock.set(now.minus(Duration.ofMinutes(55)));
        String cancelled = analysisRequested(PROJECT_ID);
        assertThat(control(cancelled, "cancel").status()).isEqualTo(200);
        clock.set(now.minus(Duration.ofMinutes(25)));
        analysisRequested(OTHER_PROJECT);
        clock.set(now);

        Reply stats =
                call(HttpRequest.GET("/v1/runs/stats?since=PT1H&intervals=6").bearerAuth(API_KEY));

        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        assertThat(stats.text("from")).isEqualTo(now.minus(Duration.ofHours(1)).toString());
        assertThat(stats.text("to")).isEqualTo(now.toString());
        assertThat(stats.text("interval")).isEqualTo("PT10M");
        assertThat(stats.at("total")).isEqualTo(2);
        assertThat(stats.objectAt("counts"))
                .containsExactly(
                        Map.entry("queued", 1),
                        Map.entry("running", 0),
                        Map.entry("waiting", 0),
                        Map.entry("completed", 0),
                        Map.entry("failed", 0),
                        Map.entry("cancelled", 1));
        assertThat(stats.objectAt("intervals.0.counts")).containsEntry("cancelled", 1);
        assertThat(stats.objectAt("intervals.3.counts")).containsEntry("queued", 1);
        assertThat(stats.text("intervals.3.from"))
                .isEqualTo(now.minus(Duration.ofMinutes(30)).toString());
        for (int i : new int[] {1, 2, 4, 5}) {
            assertThat(stats.objectAt("intervals." + i + ".counts").values()).containsOnly(0);
        }

        Reply byDefault = call(HttpRequest.GET("/v1/runs/stats").bearerAuth(API_KEY));
        assertThat(byDefault.text("interval")).as("an hour in 12 intervals").isEqualTo("PT5M");
        assertThat((List<?>) byDefault.at("intervals")).hasSize(12);
    }

    @Test
    void anotherConnectionsRunsAreNeitherListedNorCounted() {
        String mine = analysisRequested(PROJECT_ID);
        String secondKey = secondConnection().text("apiKey.key");
        Reply theirs = callWithKey(
                HttpRequest.POST("/v1/hooks/analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\"}"), secondKey);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(202);

        assertThat(ids(runs("?projectId=" + PROJECT_ID))).containsExactly(mine);
        assertThat(call(HttpRequest.GET("/v1/runs/stats").bearerAuth(API_KEY)).at("total"))
                .isEqualTo(1);
        Reply theirList = callWithKey(HttpRequest.GET("/v1/runs?projectId=" + PROJECT_ID), secondKey);
        assertThat(ids(theirList)).containsExactly(theirs.text("runId"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachConnectionSeesTheBudgetsOfItsOwnTokensByFingerprintAndItsOwnInboundRate() {
        driveToEnd(analysisRequested(PROJECT_ID), Duration.ofSeconds(10), 30);
        Reply second = secondConnection();
        String secondKey = second.text("apiKey.key");
        String secondId = second.text("id");
        callWithKey(
                HttpRequest.POST("/v1/hooks/analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\"}"), secondKey);
        scheduler.runAnyDueExecutions();

        Reply mine = call(HttpRequest.GET("/v1/budgets").bearerAuth(API_KEY));
        Reply theirs = callWithKey(HttpRequest.GET("/v1/budgets"), secondKey);

        String myToken = UpstreamGate.fingerprint(BRIDGE_TOKEN);
        String theirToken = UpstreamGate.fingerprint(SECOND_TOKEN);
        assertThat(owners(mine))
                .contains("AUDITY_WRITE " + myToken, "INBOUND default")
                .noneMatch(owner -> owner.endsWith(theirToken) || owner.endsWith(secondId));
        assertThat(owners(theirs))
                .contains("AUDITY_WRITE " + theirToken, "INBOUND " + secondId)
                .noneMatch(owner -> owner.endsWith(myToken) || owner.endsWith(" default"));
        assertThat(mine.body()).doesNotContain(BRIDGE_TOKEN).doesNotContain(SECOND_TOKEN);
        Map<String, Object> write = ((List<Map<String, Object>>) mine.at("budgets"))
                .stream()
                        .filter(b -> b.get("budget").equals("AUDITY_WRITE"))
                        .findFirst()
                        .orElseThrow();
        assertThat(write).containsEntry("limitPerMinute", 20).containsKeys("available", "usedLastMinute", "waitMillis");

        assertProblem(call(HttpRequest.GET("/v1/budgets")), 401, "UNAUTHORIZED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGeneratedOpenApiDocumentsTheFiltersTheStatsAndTheBudgetsWithTheirRefusals() {
        Map<String, Object> paths = (Map<String, Object>) ((Map<String, Object>) new Yaml()
                        .load(client.toBlocking()
                                .retrieve(HttpRequest.GET("/swagger/audity-bridge.yml"), String.class)))
                .get("paths");
        Map<String, Object> list = (Map<String, Object>) ((Map<String, Object>) paths.get("/v1/runs")).get("get");
        assertThat(((List<Map<String, Object>>) list.get("parameters")).stream().map(p -> p.get("name")))
                .contains("projectId", "createdFrom", "createdTo");
        for (String path : List.of("/v1/runs", "/v1/runs/stats")) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("get");
            Map<String, Object> refused = (Map<String, Object>) ((Map<String, Object>) get.get("responses")).get("400");
            assertThat((Map<String, Object>) refused.get("content"))
                    .as(path + " answers a bad query with a problem")
                    .containsKey("application/problem+json");
            assertThat((String) get.get("description")).isNotBlank();
        }
        Map<String, Object> budgets = (Map<String, Object>) ((Map<String, Object>) paths.get("/v1/budgets")).get("get");
        assertThat((Map<String, Object>) budgets.get("responses")).containsKeys("200", "401");
    }

    @SuppressWarnings("unchecked")
    private static List<String> owners(Reply budgets) {
        assertThat(budgets.status()).as(budgets.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) budgets.at("budgets"))
                .stream().map(b -> b.get("budget") + " " + b.get("owner")).toList();
    }
}
