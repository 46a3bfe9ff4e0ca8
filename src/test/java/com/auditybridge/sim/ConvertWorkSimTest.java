package com.auditybridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code sim.audity.convert-duration}: a convert checks, works (real time, a timer), then commits, so it is not
 * atomic. The work here is long enough for a second request to arrive during it on any machine.
 */
@MicronautTest(environments = "sim")
class ConvertWorkSimTest extends SimTestBase {
    private static final Duration WORK = Duration.ofSeconds(2);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("sim.audity.convert-duration", WORK.toMillis() + "ms");
        return properties;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSecondConvertDuringTheWorkIsChargedTwice() {
        String lead = lead();

        CompletableFuture<Reply> first = send(convert(lead));
        CompletableFuture<Reply> second = send(convert(lead));

        Reply one = first.orTimeout(10, TimeUnit.SECONDS).join();
        Reply two = second.orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(one.status()).isEqualTo(201);
        assertThat(two.status()).isEqualTo(201);
        assertThat(one.text("data.auditId")).isNotEqualTo(two.text("data.auditId"));
        assertThat(counter("conversions")).isEqualTo(Map.of(lead, 2));
        assertThat((List<Object>) counter("projectsByLead." + lead))
                .containsExactlyInAnyOrder(one.text("data.auditId"), two.text("data.auditId"));
        assertThat(get("/api/user/credits").at("balance")).isEqualTo(8000);
        assertThat((List<?>) get("/api/projects").parsed()).hasSize(2);
        assertThat(post("/api/lead-generation/leads/" + lead + "/convert").status())
                .isEqualTo(400);
    }

    @Test
    void aConvertWhoseCallerHungUpDuringTheWorkStillCommits() {
        String lead = lead();

        try (HttpClient impatient = impatientClient()) {
            assertThatThrownBy(() -> impatient.toBlocking().exchange(convert(lead)))
                    .isNotInstanceOf(HttpClientResponseException.class);
        }

        await().atMost(WORK.plusSeconds(8)).until(() -> Map.of(lead, 1).equals(counter("conversions")));
        assertThat(get("/api/user/credits").at("balance")).isEqualTo(9000);
        assertThat(get("/api/lead-generation/leads/" + lead).text("lead.surveyStatus"))
                .isEqualTo("converted");
    }

    private String lead() {
        return get("/api/lead-generation/leads?sortBy=ai_readiness_score").text("data.1.id");
    }

    private static MutableHttpRequest<?> convert(String lead) {
        return HttpRequest.POST("/sim/audity/api/lead-generation/leads/" + lead + "/convert", "")
                .bearerAuth(TOKEN);
    }

    private HttpClient impatientClient() {
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setReadTimeout(Duration.ofMillis(300));
        return HttpClient.create(server.getURL(), config);
    }
}
