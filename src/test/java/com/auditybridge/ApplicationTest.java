package com.auditybridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
class ApplicationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void healthIsUpWithTheEmbeddedDatabase() {
        String body = client.toBlocking().retrieve("/health");
        assertThat(body).contains("\"status\":\"UP\"");
    }
}
