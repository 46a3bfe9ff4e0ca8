package com.auditybridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim")
class AudityProjectsSimTest extends SimTestBase {

    @Test
    void listingProjectsAnswersABareArrayMostRecentlyUpdatedFirst() {
        String older = convertedProject(0);
        clock.advance(Duration.ofMinutes(1));
        String newer = analysedProject(1);

        Reply reply = get("/api/projects");

        assertThat(reply.status()).isEqualTo(200);
        assertThat((List<?>) reply.parsed()).hasSize(2);
        assertThat(reply.text("0.id")).isEqualTo(newer);
        assertThat(reply.text("1.id")).isEqualTo(older);
        assertThat(reply.at("0.hasInterviewAnalysis")).isEqualTo(true);
    }

    @Test
    void projectDetailIsBareWithTheAnalysisFlags() {
        String id = convertedProject(0);

        Reply reply = get("/api/projects/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.object())
                .containsKeys(
                        "id",
                        "clientName",
                        "industry",
                        "companySize",
                        "description",
                        "currency",
                        "status",
                        "createdAt",
                        "updatedAt",
                        "hasAnalysis",
                        "hasInterviewAnalysis",
                        "hasAuditAnalysis");
        assertThat(reply.at("hasAuditAnalysis")).isEqualTo(false);
    }

    @Test
    void theInterviewAnalysisComesAfterTheDelay() {
        String id = convertedProject(0);
        String trigger = "/api/agent/projects/" + id + "/audit-analysis/async";

        Reply converted = get("/api/projects/" + id);
        Reply tooEarly = post(trigger);
        clock.advance(INTERVIEW_ANALYSIS_DELAY.minusMillis(1));
        Reply almost = get("/api/projects/" + id);
        clock.advance(Duration.ofMillis(1));

        assertThat(converted.at("hasAnalysis")).isEqualTo(true);
        assertThat(converted.at("hasInterviewAnalysis")).isEqualTo(false);
        assertThat(converted.at("analysisProgress")).isEqualTo(40);
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.text("code")).isEqualTo("PREREQUISITE_MISSING");
        assertThat(almost.at("hasInterviewAnalysis")).isEqualTo(false);
        assertThat(get("/api/projects/" + id).at("hasInterviewAnalysis")).isEqualTo(true);
        assertThat(post(trigger).status()).isEqualTo(202);
    }

    @Test
    void anotherTokensProjectAnswers404ProjectNotFound() {
        String id = convertedProject(0);

        Reply reply = audity(HttpRequest.GET("/sim/audity/api/projects/" + id), OTHER_TOKEN);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.parsed()).isEqualTo(Map.of("error", "Project not found"));
    }

    @Test
    void patchingAllowedFieldsAnswersTheBareUpdatedProject() {
        String id = convertedProject(0);
        clock.advance(Duration.ofMinutes(5));

        Reply reply =
                patch(id, Map.of("description", "After the intake call", "companySize", "500-1000", "currency", "EUR"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("description")).isEqualTo("After the intake call");
        assertThat(reply.text("currency")).isEqualTo("EUR");
        assertThat(reply.text("updatedAt")).isEqualTo("2026-04-20T12:05:00Z");
    }

    @Test
    void patchingWithoutAnAllowedFieldAnswers400EmptyPatch() {
        assertThat(patch(convertedProject(0), Map.of("status", "complete")).parsed())
                .isEqualTo(Map.of("error", "At least one field must be provided", "code", "EMPTY_PATCH"));
    }

    @Test
    void patchingANonStringDescriptionAnswers400InvalidDescriptionType() {
        assertThat(patch(convertedProject(0), Map.of("description", 42)).parsed())
                .isEqualTo(Map.of("error", "description must be a string", "code", "INVALID_DESCRIPTION_TYPE"));
    }

    @Test
    void patchingADescriptionOver5000CharactersAnswers400DescriptionTooLong() {
        assertThat(patch(convertedProject(0), Map.of("description", "x".repeat(5001)))
                        .parsed())
                .isEqualTo(Map.of(
                        "error", "Description exceeds maximum length (5000 chars)", "code", "DESCRIPTION_TOO_LONG"));
    }

    @Test
    void patchingABadCurrencyOrAnUnknownFieldAnswers400WithoutCode() {
        String id = convertedProject(0);

        Reply currency = patch(id, Map.of("currency", "EURO"));
        Reply unknown = patch(id, Map.of("clientName", "Ok", "status", "complete"));

        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.object()).containsOnlyKeys("error");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.object()).containsOnlyKeys("error");
    }

    @Test
    void patchingAnUnknownProjectAnswers404() {
        assertThat(patch("00000000-0000-0000-0000-000000000000", Map.of("industry", "Retail"))
                        .status())
                .isEqualTo(404);
    }

    private Reply patch(String id, Map<String, ?> body) {
        return audity(HttpRequest.PATCH("/sim/audity/api/projects/" + id, body), TOKEN);
    }
}
