package com.auditybridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim")
class AudityLeadsSimTest extends SimTestBase {

    @Test
    void listingLeadsWrapsDataPaginationAndFiltersAndLeavesArchivedOutOfActive() {
        Reply reply = get("/api/lead-generation/leads");

        assertThat(reply.status()).isEqualTo(200);
        assertThat((List<?>) reply.at("data")).hasSize(5);
        assertThat(reply.at("pagination")).isEqualTo(Map.of("page", 1, "limit", 20, "total", 5, "totalPages", 1));
        assertThat(reply.at("filters"))
                .isEqualTo(Map.of("status", "active", "sortBy", "created_at", "sortOrder", "desc"));
        assertThat(statuses(reply)).containsOnly("completed", "pending", "converted");
    }

    @Test
    void listingAllLeadsSortedByReadinessAscendingPagesThroughThem() {
        Reply first = get("/api/lead-generation/leads?status=all&sortBy=ai_readiness_score&sortOrder=asc&limit=4");
        Reply second =
                get("/api/lead-generation/leads?status=all&sortBy=ai_readiness_score&sortOrder=asc&limit=4&page=2");

        assertThat(first.at("pagination.totalPages")).isEqualTo(2);
        assertThat(first.at("data.0.aiReadinessScore")).isEqualTo(22.0);
        assertThat((List<?>) second.at("data")).hasSize(2);
        assertThat(second.at("data.1.aiReadinessScore")).isEqualTo(91.0);
    }

    @Test
    void listingArchivedLeadsReturnsOnlyTheArchivedOnes() {
        assertThat(statuses(get("/api/lead-generation/leads?status=archived"))).containsExactly("archived");
    }

    @Test
    void listingWithAnUnknownSortKeyAnswers400() {
        Reply reply = get("/api/lead-generation/leads?sortBy=name");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.parsed()).isEqualTo(Map.of("error", "Invalid query parameters"));
    }

    @Test
    void seededLeadsAreBetweenOneAndThirtyDaysOldOnTheClock() {
        List<?> leads = (List<?>) get("/api/lead-generation/leads?status=all").at("data");

        assertThat(leads).hasSize(6).allSatisfy(lead -> {
            Instant created = Instant.parse((String) ((Map<?, ?>) lead).get("createdAt"));
            assertThat(Duration.between(created, clock.instant()).toDays()).isBetween(1L, 30L);
        });
    }

    @Test
    void leadDetailIsWrappedInLeadAndCarriesSurveyResponses() {
        String id = get("/api/lead-generation/leads").text("data.0.id");

        Reply reply = get("/api/lead-generation/leads/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("lead.id")).isEqualTo(id);
        assertThat((Map<?, ?>) reply.at("lead.surveyResponses")).isNotEmpty();
        assertThat(reply.at("lead.respondentEmail")).isNotNull();
    }

    @Test
    void unknownOrForeignLeadAnswers404LeadNotFound() {
        String foreign = audity(HttpRequest.GET("/sim/audity/api/lead-generation/leads"), OTHER_TOKEN)
                .text("data.0.id");

        assertThat(get("/api/lead-generation/leads/nope").parsed()).isEqualTo(Map.of("error", "Lead not found"));
        assertThat(get("/api/lead-generation/leads/" + foreign).status()).isEqualTo(404);
    }

    @Test
    void adminCanAddALeadToAnAccount() {
        Reply added = admin(HttpRequest.POST(
                "/sim/admin/audity/leads",
                Map.of("token", TOKEN, "companyName", "Fresh Co", "aiReadinessScore", 99.0)));

        assertThat(added.status()).isEqualTo(201);
        Reply list = get("/api/lead-generation/leads?sortBy=ai_readiness_score");
        assertThat(list.text("data.0.companyName")).isEqualTo("Fresh Co");
        assertThat(list.at("pagination.total")).isEqualTo(6);
    }

    private static List<Object> statuses(Reply reply) {
        return ((List<?>) reply.at("data"))
                .stream().<Object>map(l -> ((Map<?, ?>) l).get("surveyStatus")).toList();
    }
}
