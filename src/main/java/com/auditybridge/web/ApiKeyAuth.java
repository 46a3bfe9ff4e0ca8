package com.auditybridge.web;

import com.auditybridge.connection.Connection;
import com.auditybridge.connection.Connections;
import com.auditybridge.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** Resolves a request's API key ({@code Authorization: Bearer} or {@code X-Api-Key}) to its connection. */
@Singleton
public class ApiKeyAuth {
    private final Connections connections;

    public ApiKeyAuth(Connections connections) {
        this.connections = connections;
    }

    public Connection require(HttpRequest<?> request) {
        String key = request.getHeaders().get("X-Api-Key");
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
        }
        return connections.byApiKey(key).orElseThrow(ProblemException::unauthorized);
    }
}
