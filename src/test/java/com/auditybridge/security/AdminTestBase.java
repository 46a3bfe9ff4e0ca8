package com.auditybridge.security;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The bridge with its admin API on: connections made through it, and forgotten between tests. */
public abstract class AdminTestBase extends BridgeTestBase {
    protected static final String ADMIN_TOKEN = "admin-token-for-tests-0123456789";
    /** Well-formed Audity tokens the simulator gives an account of their own. */
    protected static final String SECOND_TOKEN = "aky_SecondConnectionToken00000000001";

    protected static final String ROTATED_TOKEN = "aky_RotatedConnectionToken0000000002";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("bridge.admin-token", ADMIN_TOKEN);
    }

    @BeforeEach
    void noManagedConnections() {
        execute("delete from subscription");
        execute("delete from signing_secret where connection_id <> 'default'");
        execute("delete from api_key");
        execute("delete from bridge_connection");
    }

    protected Reply adminCall(MutableHttpRequest<?> request) {
        return call(request.bearerAuth(ADMIN_TOKEN).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    /** POST /v1/admin/connections with {@code json}; asserts the 201. */
    protected Reply createConnection(String json) {
        Reply created = adminCall(HttpRequest.POST("/v1/admin/connections", json));
        if (created.status() != 201) {
            throw new AssertionError("connection not created: " + created.status() + " " + created.body());
        }
        return created;
    }

    /** A second connection with {@link #SECOND_TOKEN}; answers its creation (id, apiKey.key, signingSecret). */
    protected Reply secondConnection() {
        return createConnection("{\"name\":\"Second\",\"audityToken\":\"" + SECOND_TOKEN + "\"}");
    }

    protected Reply callWithKey(MutableHttpRequest<?> request, String key) {
        return call(request.bearerAuth(key).contentType(MediaType.APPLICATION_JSON_TYPE));
    }
}
