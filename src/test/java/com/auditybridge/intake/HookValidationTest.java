package com.auditybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** Every refused body is a problem+json with Audity's codes, and stores no run. */
@MicronautTest(environments = "sim", transactional = false)
class HookValidationTest extends BridgeTestBase {

    @Test
    void aBodyThatIsNotJsonIsA400MalformedJson() {
        assertProblem(refused("lead-arrived", "{\"leadId\":"), 400, "MALFORMED_JSON");
    }

    @Test
    void anEmptyBodyIsA400MalformedJson() {
        assertProblem(refused("lead-arrived", ""), 400, "MALFORMED_JSON");
    }

    @Test
    void jsonThatIsNotAnObjectIsA400MalformedJson() {
        assertProblem(refused("analysis-requested", "[\"" + PROJECT_ID + "\"]"), 400, "MALFORMED_JSON");
    }

    @Test
    void anUnknownFieldIsA400NamingTheField() {
        invalid(
                "UNKNOWN_FIELD",
                "analysis-requested",
                "{\"projectId\":\"%s\",\"priority\":\"high\"}".formatted(PROJECT_ID),
                "priority");
    }

    @Test
    void anUnknownProjectFieldOfALeadIsA400NamingItsPath() {
        invalid(
                "UNKNOWN_FIELD",
                "lead-arrived",
                "{\"leadId\":\"l-1\",\"project\":{\"status\":\"complete\"}}",
                "project.status");
    }

    @Test
    void aFieldOfTheWrongTypeIsA400InvalidType() {
        invalid("INVALID_TYPE", "lead-arrived", "{\"leadId\":42}", "leadId");
    }

    @Test
    void aMissingRequiredFieldIsA400MissingField() {
        invalid("MISSING_FIELD", "lead-arrived", "{\"analysis\":\"none\"}", "leadId");
    }

    @Test
    void everyErrorOfABodyIsListedAtOnce() {
        Reply reply = assertProblem(
                refused("lead-arrived", "{\"analysis\":\"sync\",\"metadata\":[1],\"extra\":true}"),
                400,
                "UNKNOWN_FIELD");

        assertThat(problemFields(reply)).containsExactlyInAnyOrder("extra", "leadId", "analysis", "metadata");
        assertThat(reply.text("errors.0.message")).isNotBlank();
    }

    @Test
    void aProjectIdThatIsNotAUuidIsA400InvalidUuid() {
        invalid("INVALID_UUID", "analysis-requested", "{\"projectId\":\"project-7\"}", "projectId");
    }

    @Test
    void aCallbackUrlThatIsNotAUrlIsA400InvalidUrl() {
        invalid(
                "INVALID_URL",
                "analysis-requested",
                "{\"projectId\":\"%s\",\"callbackUrl\":\"not a url\"}".formatted(PROJECT_ID),
                "callbackUrl");
    }

    @Test
    void aRelativeCallbackUrlIsA400InvalidUrl() {
        assertProblem(
                refused("analysis-requested", "{\"projectId\":\"%s\",\"callbackUrl\":\"/hook\"}".formatted(PROJECT_ID)),
                400,
                "INVALID_URL");
    }

    @Test
    void aDescriptionOverFiveThousandCharactersIsA400DescriptionTooLong() {
        invalid(
                "DESCRIPTION_TOO_LONG",
                "lead-arrived",
                "{\"leadId\":\"l-1\",\"project\":{\"description\":\"%s\"}}".formatted("d".repeat(5001)),
                "project.description");
    }

    @Test
    void aDescriptionOfExactlyFiveThousandCharactersIsAccepted() {
        Reply reply = hook(
                "project-update",
                "{\"projectId\":\"%s\",\"changes\":{\"description\":\"%s\"}}".formatted(PROJECT_ID, "d".repeat(5000)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    }

    @Test
    void aDescriptionThatIsNotAStringIsA400InvalidDescriptionType() {
        invalid(
                "INVALID_DESCRIPTION_TYPE",
                "project-update",
                "{\"projectId\":\"%s\",\"changes\":{\"description\":5}}".formatted(PROJECT_ID),
                "changes.description");
    }

    @Test
    void aProjectUpdateWithoutChangesIsA400EmptyPatch() {
        assertProblem(refused("project-update", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID)), 400, "EMPTY_PATCH");
    }

    @Test
    void aProjectUpdateWithEmptyChangesIsA400EmptyPatch() {
        invalid(
                "EMPTY_PATCH",
                "project-update",
                "{\"projectId\":\"%s\",\"changes\":{}}".formatted(PROJECT_ID),
                "changes");
    }

    @Test
    void aProjectUpdateWithOnlyFieldsAudityDoesNotAllowIsA400EmptyPatch() {
        invalid(
                "EMPTY_PATCH",
                "project-update",
                "{\"projectId\":\"%s\",\"changes\":{\"status\":\"archived\"}}".formatted(PROJECT_ID),
                "changes",
                "changes.status");
    }

    @Test
    void fieldLimitsAreAudityOwn() {
        Reply reply = refused("project-update", """
                {"projectId":"%s","changes":{"clientName":"%s","industry":"","companySize":"%s","currency":"US"}}""".formatted(PROJECT_ID, "c".repeat(201), "s".repeat(51)));

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(problemFields(reply))
                .containsExactlyInAnyOrder(
                        "changes.clientName", "changes.industry", "changes.companySize", "changes.currency");
    }

    @Test
    void anOverlongIdempotencyKeyIsA400() {
        Reply reply = storingNothing(() ->
                hookWithKey("analysis-requested", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID), "k".repeat(256)));

        assertProblem(reply, 400, "INVALID_IDEMPOTENCY_KEY");
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String body = "{\"leadId\":\"l-1\",\"metadata\":{\"blob\":\"%s\"}}".formatted("x".repeat(300 * 1024));

        assertProblem(refused("lead-arrived", body), 413, "BODY_TOO_LARGE");
    }

    @Test
    void aBodyThatIsNotSentAsJsonIsA415() {
        Reply reply = storingNothing(
                () -> call(hookRequest("lead-arrived", "{\"leadId\":\"l-1\"}").contentType(MediaType.TEXT_PLAIN_TYPE)));

        assertProblem(reply, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aFormPostIsA415() {
        Reply reply = storingNothing(() -> call(hookRequest("project-update", "projectId=" + PROJECT_ID)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)));

        assertProblem(reply, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aWaitOverTwentyFiveSecondsIsA400() {
        invalid("INVALID_WAIT", "analysis-requested?wait=26", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID), "wait");
    }

    @Test
    void aWaitThatIsNotANumberIsA400() {
        assertProblem(
                refused("analysis-requested?wait=soon", "{\"projectId\":\"%s\"}".formatted(PROJECT_ID)),
                400,
                "INVALID_WAIT");
    }

    /** A 400 with {@code code} that names exactly {@code fields}, in order. */
    private void invalid(String code, String path, String body, String... fields) {
        assertThat(problemFields(assertProblem(refused(path, body), 400, code))).containsExactly(fields);
    }

    private Reply refused(String path, String body) {
        return storingNothing(() -> hook(path, body));
    }
}
