package com.auditybridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A replica keeps what it read of a managed connection and its keys for {@code bridge.connections.cache-ttl} (5 s by
 * default): a change made through its own admin API counts at once, one made elsewhere (another replica, here a
 * direct write to the shared database) once that time is up. The clock is the test's.
 */
@MicronautTest(environments = "sim", transactional = false)
class ConnectionCacheTest extends AdminTestBase {
    private static final Duration TTL = Duration.ofSeconds(5);

    @Test
    void aKeyRevokedThroughTheAdminApiIsRefusedAtTheVeryNextRequest() {
        Reply created = secondConnection();
        String id = created.text("id");
        String key = created.text("apiKey.key");
        assertThat(runs(key).status()).isEqualTo(200);
        String keyId = adminCall(HttpRequest.GET("/v1/admin/connections/" + id)).text("keys.0.id");

        assertThat(adminCall(HttpRequest.DELETE("/v1/admin/connections/" + id + "/keys/" + keyId))
                        .status())
                .isEqualTo(204);

        assertProblem(runs(key), 401, "UNAUTHORIZED");
    }

    @Test
    void aKeyDeletedByAnotherReplicaStillWorksWithinTheCacheTimeAndIsRefusedAfterIt() {
        String key = secondConnection().text("apiKey.key");
        assertThat(runs(key).status()).isEqualTo(200);

        execute("delete from api_key");

        clock.advance(TTL.minusMillis(1));
        assertThat(runs(key).status()).as("kept for the cache time").isEqualTo(200);
        clock.advance(Duration.ofMillis(1));
        assertProblem(runs(key), 401, "UNAUTHORIZED");
        assertProblem(runs(key), 401, "UNAUTHORIZED");
    }

    @Test
    void aConnectionDeletedByAnotherReplicaIsGoneForItsKeysAfterTheCacheTime() {
        Reply created = secondConnection();
        String key = created.text("apiKey.key");
        assertThat(hookAs(key).status()).isEqualTo(202);

        execute("delete from api_key where connection_id = ?", created.text("id"));
        execute("delete from bridge_connection where id = ?", created.text("id"));

        clock.advance(TTL);
        assertProblem(hookAs(key), 401, "UNAUTHORIZED");
    }

    @Test
    void aKeyIssuedAMomentAgoWorksAtOnceEvenRightAfterAnUnknownKeyWasTried() {
        String id = secondConnection().text("id");
        assertProblem(runs("abk_not-issued-yet"), 401, "UNAUTHORIZED");

        String issued = adminCall(HttpRequest.POST("/v1/admin/connections/" + id + "/keys", ""))
                .text("key");

        assertThat(runs(issued).status()).isEqualTo(200);
    }

    private Reply runs(String key) {
        return callWithKey(HttpRequest.GET("/v1/runs?limit=1"), key);
    }

    private Reply hookAs(String key) {
        return callWithKey(unsignedHookRequest("analysis-requested", "{\"projectId\":\"" + PROJECT_ID + "\"}"), key);
    }
}
