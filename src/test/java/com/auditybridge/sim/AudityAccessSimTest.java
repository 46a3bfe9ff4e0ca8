package com.auditybridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "sim")
class AudityAccessSimTest extends SimTestBase {

    @Test
    void aMissingAuthorizationHeaderAnswers401WithoutCode() {
        Reply reply = call(HttpRequest.GET("/sim/audity/api/projects"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.parsed()).isEqualTo(Map.of("error", "Unauthorized"));
    }

    @Test
    void aDoubledBearerOrAMalformedTokenAnswers401PatMalformed() {
        Reply doubled = audity(HttpRequest.GET("/sim/audity/api/projects"), "Bearer " + TOKEN);
        Reply tooShort = audity(HttpRequest.GET("/sim/audity/api/projects"), "aky_short");

        assertThat(doubled.status()).isEqualTo(401);
        assertThat(doubled.text("code")).isEqualTo("PAT_MALFORMED");
        assertThat(tooShort.text("code")).isEqualTo("PAT_MALFORMED");
    }

    @Test
    void aRevokedTokenAnswers401WithoutCode() {
        admin(HttpRequest.PUT("/sim/admin/audity/accounts", Map.of("token", TOKEN, "revoked", true)));

        assertThat(get("/api/projects").parsed()).isEqualTo(Map.of("error", "Unauthorized"));
    }

    @Test
    void theKillSwitchMakesEveryRouteAnswer503PatDisabled() {
        admin(HttpRequest.PUT("/sim/admin/audity/kill-switch", Map.of("apiDisabled", true)));

        assertThat(get("/api/user/current").status()).isEqualTo(503);
        assertThat(post("/api/lead-generation/leads/x/convert").text("code")).isEqualTo("PAT_DISABLED");
    }

    @Test
    void aTokenWithoutWriteScopeReadsButWritesAnswer403PatScopeInsufficient() {
        admin(HttpRequest.PUT("/sim/admin/audity/accounts", Map.of("token", TOKEN, "scopes", List.of("read"))));

        assertThat(get("/api/projects").status()).isEqualTo(200);
        assertThat(post("/api/lead-generation/leads/x/convert").parsed())
                .isEqualTo(Map.of("error", "Missing scope: write", "code", "PAT_SCOPE_INSUFFICIENT"));
    }

    @Test
    void theTwentyFirstWriteInAMinuteAnswers429WithRetryAfterAndDoesNotConsumeTheWindow() {
        write();
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 19; i++) {
            assertThat(write().status()).isEqualTo(404);
        }

        Reply limited = write();
        Reply stillLimited = write();
        clock.advance(Duration.ofSeconds(50));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.parsed()).isEqualTo(Map.of("error", "Rate limit exceeded"));
        assertThat(limited.header("Retry-After")).isEqualTo("50");
        assertThat(stillLimited.status()).isEqualTo(429);
        assertThat(write().status()).isEqualTo(404);
        Reply counters = admin(HttpRequest.GET("/sim/admin/counters"));
        assertThat(counters.at("peaks.aky_Test.writes")).isEqualTo(22);
        assertThat(counters.at("rateLimited.audity")).isEqualTo(2);
    }

    @Test
    void readsAndJobPollingHaveTheirOwnBudgets() {
        for (int i = 0; i < 100; i++) {
            get("/api/user/tier");
        }

        assertThat(get("/api/user/tier").status()).isEqualTo(429);
        assertThat(get("/api/agent/jobs/unknown").status()).isEqualTo(404);
        assertThat(write().status()).isEqualTo(404);
    }

    @Test
    void currentUserTierAndCreditsAreBareObjectsWithSuccess() {
        Reply user = get("/api/user/current");
        Reply tier = get("/api/user/tier");
        Reply credits = get("/api/user/credits");

        assertThat(user.text("userId")).startsWith("user_");
        assertThat(user.at("authMethod")).isEqualTo("pat");
        assertThat(user.at("authData")).isEqualTo(Map.of());
        assertThat(tier.parsed()).isEqualTo(Map.of("success", true, "tier", "growth", "userId", user.text("userId")));
        assertThat(credits.object())
                .containsEntry("success", true)
                .containsEntry("balance", 10000)
                .containsEntry("allocation", 10000)
                .containsEntry("used", 0)
                .containsEntry("canCreateProject", true)
                .containsEntry("projectsRemaining", 10)
                .containsEntry("nextReset", "2026-05-01T00:00:00Z");
    }

    @Test
    void everyWellFormedTokenGetsItsOwnAccount() {
        Reply mine = get("/api/user/current");
        Reply theirs = audity(HttpRequest.GET("/sim/audity/api/user/current"), OTHER_TOKEN);

        assertThat(mine.text("userId")).isNotEqualTo(theirs.text("userId"));
    }

    private Reply write() {
        return audity(HttpRequest.PATCH("/sim/audity/api/projects/none", Map.of("industry", "x")), TOKEN);
    }
}
