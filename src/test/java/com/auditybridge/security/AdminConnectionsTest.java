package com.auditybridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.callback.SigningKeys;
import com.auditybridge.connection.Digests;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The connections admin API (docs/api.md), behind BRIDGE_ADMIN_TOKEN. */
@MicronautTest(environments = "sim", transactional = false)
class AdminConnectionsTest extends AdminTestBase {
    private static final String SECRET = "whsec_Z2l2ZW4tc2lnbmluZy1zZWNyZXQtb2YtdGhlLWNvbm5lY3Rpb24=";

    @Inject
    SigningKeys signingKeys;

    @Test
    void creatingAConnectionAnswersItsIdOneKeyAndAGeneratedSigningSecret() {
        Reply created = secondConnection();

        assertThat(created.header("Location")).isEqualTo("/v1/admin/connections/" + created.text("id"));
        assertThat(created.text("apiKey.key")).startsWith("abk_").hasSize(47);
        assertThat(created.text("apiKey.prefix"))
                .isEqualTo(created.text("apiKey.key").substring(0, 12));
        assertThat(created.text("signingSecret")).startsWith("whsec_");
        assertThat(created.text("connection.audityTokenFingerprint")).isEqualTo(Digests.fingerprint(SECOND_TOKEN));
    }

    @Test
    void aGivenSigningSecretIsTheOneItsCallbacksAreSignedWith() {
        Reply created = createConnection(
                "{\"name\":\"Given\",\"audityToken\":\"" + SECOND_TOKEN + "\",\"signingSecret\":\"" + SECRET + "\"}");

        assertThat(created.text("signingSecret")).isEqualTo(SECRET);
        assertThat(signingKeys.forConnection(created.text("id"))).containsExactly(SECRET);
    }

    @Test
    void listingAndReadingShowFingerprintsAndPrefixesButNoTokenSecretOrKey() {
        Reply created = createConnection(
                "{\"name\":\"Shown\",\"audityToken\":\"" + SECOND_TOKEN + "\",\"signingSecret\":\"" + SECRET
                        + "\",\"repoAuditToken\":\"repo-token-secret\",\"requestsPerMinute\":30,\"leadSync\":{\"minScore\":80}}");
        String id = created.text("id");

        Reply list = adminCall(HttpRequest.GET("/v1/admin/connections"));
        Reply one = adminCall(HttpRequest.GET("/v1/admin/connections/" + id));

        for (Reply reply : new Reply[] {list, one}) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body())
                    .doesNotContain(SECOND_TOKEN, SECRET, "repo-token-secret", created.text("apiKey.key"))
                    .contains(created.text("apiKey.prefix"), Digests.fingerprint(SECOND_TOKEN));
        }
        assertThat(one.at("requestsPerMinute")).isEqualTo(30);
        assertThat(one.objectAt("leadSync")).containsEntry("minScore", 80.0).containsEntry("maxPerDay", 5);
        assertThat(list.text("connections.0.id")).isEqualTo(id);
        // The key was made with its connection: both read back the same instant, whatever the JVM's time zone.
        assertThat(one.objectAt("keys.0"))
                .containsEntry("id", created.text("apiKey.id"))
                .containsEntry("prefix", created.text("apiKey.prefix"))
                .containsEntry("createdAt", one.text("createdAt"));
    }

    @Test
    void tokensAndSecretsAreStoredSealedAndKeysOnlyAsTheirDigest() {
        Reply created = createConnection("{\"name\":\"Stored\",\"audityToken\":\"" + SECOND_TOKEN
                + "\",\"signingSecret\":\"" + SECRET + "\",\"repoAuditToken\":\"repo-token-secret\"}");
        String key = created.text("apiKey.key");

        assertThat(count(
                        "select count(*) from bridge_connection where audity_token like 'sb1:%' and signing_secret like 'sb1:%'"
                                + " and repo_audit_token like 'sb1:%'"))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from bridge_connection where audity_token like ? or signing_secret like ?",
                        "%" + SECOND_TOKEN + "%",
                        "%" + SECRET + "%"))
                .isZero();
        assertThat(count("select count(*) from api_key where key_hash = ?", Digests.sha256Hex(key)))
                .isEqualTo(1);
        assertThat(count("select count(*) from api_key where key_hash like ? or prefix = ?", "%" + key + "%", key))
                .isZero();
    }

    @Test
    void theKeyOfANewConnectionStartsRunsThatBelongToIt() {
        Reply created = secondConnection();

        Reply accepted = callWithKey(
                unsignedHookRequest("analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\"}"),
                created.text("apiKey.key"));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(count(
                        "select count(*) from run where id = ? and connection_id = ?",
                        accepted.text("runId"),
                        created.text("id")))
                .isEqualTo(1);
    }

    @Test
    void aSecondKeyWorksUntilItIsRevoked() {
        String id = secondConnection().text("id");
        Reply issued = adminCall(HttpRequest.POST("/v1/admin/connections/" + id + "/keys", ""));
        String body = "{\"projectId\":\"" + PROJECT_ID + "\"}";
        assertThat(issued.status()).isEqualTo(201);
        assertThat(callWithKey(unsignedHookRequest("analysis-requested", body), issued.text("key"))
                        .status())
                .isEqualTo(202);

        Reply revoked = adminCall(HttpRequest.DELETE("/v1/admin/connections/" + id + "/keys/" + issued.text("id")));

        assertThat(revoked.status()).isEqualTo(204);
        assertProblem(
                callWithKey(unsignedHookRequest("analysis-requested", body), issued.text("key")), 401, "UNAUTHORIZED");
        assertThat(adminCall(HttpRequest.GET("/v1/admin/connections/" + id)).body())
                .doesNotContain(issued.text("id"));
        assertProblem(
                adminCall(HttpRequest.DELETE("/v1/admin/connections/" + id + "/keys/" + issued.text("id"))),
                404,
                "NOT_FOUND");
    }

    @Test
    void patchingRotatesTheAudityTokenAndKeepsWhatItDoesNotName() {
        Reply created = secondConnection();
        String id = created.text("id");

        Reply patched = adminCall(HttpRequest.PATCH(
                "/v1/admin/connections/" + id, "{\"audityToken\":\"" + ROTATED_TOKEN + "\",\"requestsPerMinute\":12}"));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.text("audityTokenFingerprint")).isEqualTo(Digests.fingerprint(ROTATED_TOKEN));
        assertThat(patched.text("name")).isEqualTo("Second");
        assertThat(patched.text("signingSecretFingerprint"))
                .isEqualTo(Digests.fingerprint(created.text("signingSecret")));
        assertThat(patched.at("requestsPerMinute")).isEqualTo(12);
        assertThat(patched.body()).doesNotContain(ROTATED_TOKEN);
    }

    @Test
    void deletingAConnectionRefusesItsKeysAndFailsItsRunsWithConnectionGone() {
        Reply created = secondConnection();
        String runId = callWithKey(
                        unsignedHookRequest("analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\"}"),
                        created.text("apiKey.key"))
                .text("runId");

        Reply deleted = adminCall(HttpRequest.DELETE("/v1/admin/connections/" + created.text("id")));
        scheduler.runAnyDueExecutions();

        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(adminCall(HttpRequest.GET("/v1/admin/connections/" + created.text("id"))), 404, "NOT_FOUND");
        assertProblem(
                callWithKey(HttpRequest.GET("/v1/runs/" + runId), created.text("apiKey.key")), 401, "UNAUTHORIZED");
        assertThat(count(
                        "select count(*) from run where id = ? and status = 'failed' and error_code = 'CONNECTION_GONE'",
                        runId))
                .isEqualTo(1);
    }

    @Test
    void anInvalidConnectionIsAProblemNamingEachField() {
        Reply refused = adminCall(
                HttpRequest.POST(
                        "/v1/admin/connections",
                        "{\"audityToken\":\"not-a-token\",\"signingSecret\":\"plain\",\"requestsPerMinute\":0,\"leadSync\":{\"minScore\":101}}"));

        assertProblem(refused, 400, "INVALID_CONNECTION");
        assertThat(problemFields(refused))
                .containsExactly("name", "audityToken", "signingSecret", "requestsPerMinute", "leadSync.minScore");
        assertThat(count("select count(*) from bridge_connection")).isZero();
    }

    @Test
    void aMissingOrWrongAdminTokenIsRefusedAndAnApiKeyIsNoAdminToken() {
        assertProblem(call(HttpRequest.GET("/v1/admin/connections")), 401, "UNAUTHORIZED");
        assertProblem(
                call(HttpRequest.GET("/v1/admin/connections").bearerAuth(ADMIN_TOKEN + "x")), 401, "UNAUTHORIZED");
        assertProblem(call(HttpRequest.GET("/v1/admin/connections").bearerAuth(API_KEY)), 401, "UNAUTHORIZED");
        assertProblem(call(HttpRequest.POST("/v1/admin/connections", "{}").bearerAuth("")), 401, "UNAUTHORIZED");
    }

    @Test
    void theAdminTokenIsNoApiKey() {
        assertProblem(
                callWithKey(
                        unsignedHookRequest("analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\"}"),
                        ADMIN_TOKEN),
                401,
                "UNAUTHORIZED");
    }
}
