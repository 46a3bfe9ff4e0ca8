package com.auditybridge.clients;

import static com.auditybridge.upstream.UpstreamErrorKind.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.audity.ProjectPatch;
import com.auditybridge.upstream.UpstreamError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Audity's documented refusals, as the client types them when the simulator gives them. */
@MicronautTest(environments = "sim")
class AudityClientErrorSimTest extends ClientSimTestBase {

    @Test
    void tooFewCreditsForAConversionIsInsufficientCredits() {
        account(Map.of("token", TOKEN, "credits", 999));

        assertThat(audity.convertLead(TOKEN, unconvertedLead()).error().kind()).isEqualTo(INSUFFICIENT_CREDITS);
    }

    @Test
    void convertingTwiceIsAlreadyConverted() {
        String lead = unconvertedLead();
        audity.convertLead(TOKEN, lead);

        assertThat(audity.convertLead(TOKEN, lead).error().kind()).isEqualTo(ALREADY_CONVERTED);
    }

    @Test
    void aSpentAnalysisBudgetIsQuotaExceededWithItsDetails() {
        String project = analysedProjectId();
        account(Map.of("token", TOKEN, "analysisBudgetUsd", 0.5));

        UpstreamError error = audity.triggerAuditAnalysis(TOKEN, project).error();

        assertThat(error.kind()).isEqualTo(QUOTA_EXCEEDED);
        assertThat(error.details()).containsEntry("limitUSD", 0.5);
    }

    @Test
    void aSoloTierWriteIsTierRequiredNamingTheTier() {
        account(Map.of("token", TOKEN, "tier", "solo"));

        UpstreamError error = audity.patchProject(TOKEN, UNKNOWN_ID, new ProjectPatch("Acme", null, null, null, null))
                .error();

        assertThat(error.kind()).isEqualTo(TIER_REQUIRED);
        assertThat(error.requiredTier()).isEqualTo("starter");
        assertThat(error.currentTier()).isEqualTo("solo");
    }

    @Test
    void aProjectWithoutInterviewAnalysisIsPrerequisiteMissing() {
        String project = convertedProjectId();
        project(project, Map.of("hasInterviewAnalysis", false));

        assertThat(audity.triggerAuditAnalysis(TOKEN, project).error().kind()).isEqualTo(PREREQUISITE_MISSING);
    }

    @Test
    void aProjectTooLargeToAnalyseIsPayloadTooLarge() {
        String project = analysedProjectId();
        project(project, Map.of("tooLarge", true));

        assertThat(audity.triggerAuditAnalysis(TOKEN, project).error().kind()).isEqualTo(PAYLOAD_TOO_LARGE);
    }

    @Test
    void unknownProjectsLeadsAndJobsAreNotFound() {
        assertThat(audity.getProject(TOKEN, UNKNOWN_ID).error().kind()).isEqualTo(NOT_FOUND);
        assertThat(audity.getLead(TOKEN, UNKNOWN_ID).error().kind()).isEqualTo(NOT_FOUND);
        assertThat(audity.getJob(TOKEN, UNKNOWN_ID).error().kind()).isEqualTo(NOT_FOUND);
    }

    @Test
    void aMalformedTokenIsTokenMalformedAndARevokedOneTokenInactive() {
        assertThat(audity.tier("aky_short").error().kind()).isEqualTo(TOKEN_MALFORMED);
        account(Map.of("token", TOKEN, "revoked", true));
        assertThat(audity.tier(TOKEN).error().kind()).isEqualTo(TOKEN_INACTIVE);
    }

    @Test
    void theKillSwitchIsApiDisabled() {
        admin(HttpRequest.PUT("/sim/admin/audity/kill-switch", Map.of("apiDisabled", true)));

        assertThat(audity.listProjects(TOKEN).error().kind()).isEqualTo(API_DISABLED);
    }

    @Test
    void anEmptyOrTooLongPatchIsAnInvalidRequestWithItsCode() {
        String project = convertedProjectId();

        UpstreamError empty = audity.patchProject(TOKEN, project, new ProjectPatch(null, null, null, null, null))
                .error();
        UpstreamError tooLong = audity.patchProject(
                        TOKEN, project, new ProjectPatch(null, null, null, "x".repeat(5001), null))
                .error();

        assertThat(empty.kind()).isEqualTo(INVALID_REQUEST);
        assertThat(empty.code()).isEqualTo("EMPTY_PATCH");
        assertThat(tooLong.kind()).isEqualTo(INVALID_REQUEST);
        assertThat(tooLong.code()).isEqualTo("DESCRIPTION_TOO_LONG");
    }

    // ProjectPatch cannot express a non-string description, so the simulator's answer is checked over plain HTTP.
    @Test
    void aNonStringDescriptionIsRefusedWithInvalidDescriptionType() {
        Reply reply = audity(
                HttpRequest.PATCH("/sim/audity/api/projects/" + convertedProjectId(), "{\"description\":42}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE),
                TOKEN);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("code")).isEqualTo("INVALID_DESCRIPTION_TYPE");
    }
}
