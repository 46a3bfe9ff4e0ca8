package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runs API (docs/api.md): one run with its timeline, and the list a Zapier polling trigger pages through. */
@MicronautTest(environments = "sim", transactional = false)
class RunsQueryTest extends BridgeTestBase {

    @Test
    void aRunIsShownWithItsInputStateAndTimeline() {
        String lead = unconvertedLead(0);
        String runId = hook(
                        "lead-arrived",
                        "{\"leadId\":\"%s\",\"analysis\":\"none\",\"metadata\":{\"crm\":\"42\"}}".formatted(lead))
                .text("runId");

        Reply queued = run(runId);
        assertThat(queued.object())
                .containsEntry("runId", runId)
                .containsEntry("flow", "lead-to-audit")
                .containsEntry("status", "queued")
                .containsEntry("step", "convert")
                .containsKeys("createdAt", "updatedAt", "attempts");
        assertThat(queued.text("input.leadId")).isEqualTo(lead);
        assertThat(queued.text("timeline.0.step")).isEqualTo("intake");
        assertThat(queued.text("timeline.0.outcome")).isEqualTo("queued");

        Reply done = driveToEnd(runId, Duration.ofSeconds(5), 50);
        assertThat(done.text("status")).isEqualTo("completed");
        assertThat(done.text("finishedAt")).isNotBlank();
        assertThat(done.text("result.projectId")).isNotBlank();
        assertThat((List<?>) done.at("timeline")).hasSizeGreaterThan(1);
    }

    @Test
    void anUnknownRunIsA404Problem() {
        assertProblem(run("00000000-0000-4000-8000-000000000000"), 404, "NOT_FOUND");
    }

    @Test
    void theRunsApiWantsTheKey() {
        assertProblem(call(HttpRequest.GET("/v1/runs")), 401, "UNAUTHORIZED");
    }

    @Test
    void theListIsNewestFirst() {
        List<String> created = createRuns(3, Duration.ofSeconds(1));

        assertThat(ids(runs("?limit=3"))).containsExactly(created.get(2), created.get(1), created.get(0));
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeatsEvenWhenRunsArriveMeanwhile() {
        clock.advance(Duration.ofHours(1)); // after the runs of the other tests
        createRuns(5, Duration.ZERO); // same instant: the id breaks the tie
        List<String> all = ids(runs("?limit=100"));
        List<String> seen = new ArrayList<>();

        Reply page = runs("?limit=2");
        seen.addAll(ids(page));
        clock.advance(Duration.ofHours(1));
        createRuns(2, Duration.ZERO);
        while (page.at("nextCursor") != null) {
            page = runs("?limit=2&cursor=" + page.text("nextCursor"));
            seen.addAll(ids(page));
        }

        assertThat(seen).isEqualTo(all);
    }

    @Test
    void aPageWithNoRunsStillHasAnEmptyListOfRuns() {
        assertThat(runs("?flow=repo-audit&status=cancelled").body()).isEqualTo("{\"runs\":[]}");
    }

    @Test
    void theListIsFilteredByFlowAndStatus() {
        String update = hook(
                        "project-update",
                        "{\"projectId\":\"%s\",\"changes\":{\"industry\":\"Retail\"}}".formatted(PROJECT_ID))
                .text("runId");
        String cancelled = createRuns(1, Duration.ZERO).get(0);
        control(cancelled, "cancel");

        assertThat(ids(runs("?flow=project-update"))).contains(update).doesNotContain(cancelled);
        assertThat(ids(runs("?status=cancelled"))).contains(cancelled).doesNotContain(update);
        assertThat(ids(runs("?flow=project-analysis&status=cancelled"))).contains(cancelled);
    }

    @Test
    void theListIsFilteredByLeadSoThatALeadsRunCanBeFound() {
        String lead = unconvertedLead(1);
        String other = unconvertedLead(2);
        String run = hook("lead-arrived", "{\"leadId\":\"%s\",\"analysis\":\"none\"}".formatted(lead))
                .text("runId");
        String otherRun = hook("lead-arrived", "{\"leadId\":\"%s\",\"analysis\":\"none\"}".formatted(other))
                .text("runId");

        assertThat(ids(runs("?leadId=" + lead))).containsExactly(run);
        assertThat(ids(runs("?leadId=" + other + "&flow=lead-to-audit"))).containsExactly(otherRun);
        assertThat(ids(runs("?leadId=" + lead + "&status=cancelled"))).isEmpty();
        assertThat(ids(runs("?leadId=no-such-lead"))).isEmpty();
    }

    @Test
    void badFiltersAreA400Problem() {
        for (String query : List.of(
                "?flow=nope",
                "?status=done",
                "?limit=0",
                "?limit=101",
                "?cursor=!!!",
                "?cursor=bm90LWEtY3Vyc29y",
                "?leadId=a%20b",
                "?leadId=a%2Fb",
                "?leadId=")) {
            assertProblem(runs(query), 400, "INVALID_QUERY");
        }
    }

    @Test
    void aLimitThatIsNotANumberIsA400Problem() {
        assertProblem(runs("?limit=ten"), 400, "INVALID_QUERY");
    }

    /** Analysis runs one after another, {@code gap} apart on the clock, in creation order. */
    private List<String> createRuns(int count, Duration gap) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(hook("analysis-requested", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID))
                    .text("runId"));
            clock.advance(gap);
        }
        return ids;
    }

    private Reply runs(String query) {
        return call(HttpRequest.GET("/v1/runs" + query).bearerAuth(API_KEY));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Reply page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) page.at("runs"))
                .stream().map(r -> (String) r.get("runId")).toList();
    }
}
