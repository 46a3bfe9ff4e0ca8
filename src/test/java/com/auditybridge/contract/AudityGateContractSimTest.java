package com.auditybridge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The refusals Audity's middleware gives on every route, each checked against the contract on every route. */
@MicronautTest(environments = "sim")
class AudityGateContractSimTest extends ContractSimTestBase {

    static Stream<Arguments> everyRoute() {
        String project = "/api/projects/" + UNKNOWN_ID;
        return Stream.of(
                Arguments.of("GET", "/api/projects", null),
                Arguments.of("GET", project, null),
                Arguments.of("PATCH", project, "{\"clientName\":\"Acme\"}"),
                Arguments.of("GET", project + "/audit-analysis", null),
                Arguments.of("POST", "/api/agent/projects/" + UNKNOWN_ID + "/audit-analysis/async", null),
                Arguments.of("GET", "/api/agent/jobs/" + UNKNOWN_ID, null),
                Arguments.of("GET", "/api/lead-generation/leads?status=active", null),
                Arguments.of("GET", "/api/lead-generation/leads/" + UNKNOWN_ID, null),
                Arguments.of("POST", "/api/lead-generation/leads/" + UNKNOWN_ID + "/convert", null),
                Arguments.of("GET", "/api/user/current", null),
                Arguments.of("GET", "/api/user/tier", null),
                Arguments.of("GET", "/api/user/credits", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void aMissingTokenIsADocumented401(String method, String path, String body) {
        assertThat(audity(method, path, body, null).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void aMalformedTokenIsADocumented401PatMalformed(String method, String path, String body) {
        Reply reply = audity(method, path, body, "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.text("code")).isEqualTo("PAT_MALFORMED");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void aRevokedTokenIsADocumented401WithoutCode(String method, String path, String body) {
        account(Map.of("token", TOKEN, "revoked", true));

        Reply reply = audity(method, path, body);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.object()).doesNotContainKey("code");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void theKillSwitchIsADocumented503PatDisabled(String method, String path, String body) {
        admin(HttpRequest.PUT("/sim/admin/audity/kill-switch", Map.of("apiDisabled", true)));

        Reply reply = audity(method, path, body);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.text("code")).isEqualTo("PAT_DISABLED");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void aRateLimitIsADocumented429WithRetryAfter(String method, String path, String body) {
        faults(Map.of("rateLimitStorm", true));

        Reply reply = audity(method, path, body);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
    }
}
