package com.auditybridge.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.FreePort;
import com.auditybridge.testing.RawHttp;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mutated hook bodies over real HTTP. The answer is 202 or 200, or a 4xx problem that stored nothing;
 * never a 5xx. jqwik and @MicronautTest do not mix, so this starts the bridge itself, once.
 */
class HookFuzzOverHttpTest {
    private static final List<String> TABLES =
            List.of("run", "idempotency_key", "event", "delivery", "scheduled_tasks");
    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final String DATABASE = "jdbc:h2:mem:HookFuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static ApplicationContext context;
    private static RawHttp http;

    @BeforeContainer
    static void startTheBridge() {
        int port = FreePort.find();
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("endpoints.all.port", port);
        properties.put("test.clock", "mutable");
        properties.put("test.scheduler", "manual");
        properties.put("bridge.api-keys", BadInputCorpus.API_KEY);
        properties.put("bridge.allow-private-callbacks", "true");
        properties.put("bridge.intake.requests-per-minute", "100000");
        properties.put("datasources.default.url", DATABASE);
        context = ApplicationContext.builder()
                .environments("test", "sim")
                .properties(properties)
                .start();
        context.getBean(EmbeddedServer.class).start();
        http = new RawHttp("127.0.0.1", port);
    }

    @AfterContainer
    static void stopTheBridge() {
        context.close();
    }

    record Call(String hook, String body, String key) {}

    @Provide
    Arbitrary<Call> calls() {
        Arbitrary<String> keys = net.jqwik.api.Arbitraries.of("", "k-1", "k-2").map(k -> k.isEmpty() ? null : k);
        return JsonValues.hooks()
                .flatMap(hook -> Combinators.combine(JsonValues.mutatedBody(hook), keys)
                        .as((body, key) -> new Call(hook, write(body), key)));
    }

    @Property(tries = 150)
    void aMutatedHookIsAcceptedOrRefusedWithAProblemThatStoredNothing(@ForAll("calls") Call call) {
        Map<String, Long> before = rowCounts();
        Map<String, String> headers = new HashMap<>(
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + BadInputCorpus.API_KEY));
        if (call.key() != null) {
            headers.put("Idempotency-Key", call.key());
        }

        RawHttp.Answer answer = http.send(
                "POST", "/v1/hooks/" + call.hook(), headers, call.body().getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isIn(200, 202, 400, 409, 413, 422);
        if (answer.status() >= 400) {
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"code\"", "\"status\":" + answer.status());
            assertThat(rowCounts()).as("rows left by " + answer.body()).isEqualTo(before);
        }
    }

    private static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "")) {
            for (String table : TABLES) {
                try (ResultSet rs = connection.createStatement().executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static String write(Object body) {
        try {
            return WRITER.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
