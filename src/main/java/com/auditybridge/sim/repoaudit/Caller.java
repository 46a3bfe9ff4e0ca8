package com.auditybridge.sim.repoaudit;

import io.micronaut.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Who is calling repo-audit: a signed-in user (any Bearer token stands in for a Clerk session) or an
 * anonymous caller keyed by IP. Only derived ids are kept, never the token.
 */
record Caller(String key, String userId) {

    static Caller of(HttpRequest<?> request) {
        String header = request.getHeaders().getAuthorization().orElse("");
        if (header.startsWith("Bearer ") && header.length() > 7) {
            String userId = "user_"
                    + UUID.nameUUIDFromBytes(header.substring(7).getBytes(StandardCharsets.UTF_8))
                            .toString()
                            .replace("-", "")
                            .substring(0, 24);
            return new Caller("user:" + userId, userId);
        }
        return new Caller("ip:" + request.getRemoteAddress().getAddress().getHostAddress(), null);
    }

    boolean signedIn() {
        return userId != null;
    }
}
