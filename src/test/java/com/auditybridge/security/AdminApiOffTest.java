package com.auditybridge.security;

import com.auditybridge.testing.BridgeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** Without BRIDGE_ADMIN_TOKEN the admin API does not exist, whatever is sent. */
@MicronautTest(environments = "sim", transactional = false)
class AdminApiOffTest extends BridgeTestBase {

    @Test
    void everyAdminCallIsNotFoundWhenNoAdminTokenIsConfigured() {
        assertProblem(call(HttpRequest.GET("/v1/admin/connections")), 404, "NOT_FOUND");
        assertProblem(call(HttpRequest.GET("/v1/admin/connections").bearerAuth("")), 404, "NOT_FOUND");
        assertProblem(call(HttpRequest.POST("/v1/admin/connections", "{}").bearerAuth(API_KEY)), 404, "NOT_FOUND");
        assertProblem(
                call(HttpRequest.DELETE("/v1/admin/connections/default").bearerAuth("anything")), 404, "NOT_FOUND");
    }
}
