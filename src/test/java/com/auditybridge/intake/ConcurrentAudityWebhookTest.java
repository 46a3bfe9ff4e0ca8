package com.auditybridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.testing.BridgeTestBase;
import com.auditybridge.testing.PostgresOnly;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Audity may send one delivery twice at once (a retry racing a slow answer); on Postgres both meet in the insert. */
@PostgresOnly
@MicronautTest(environments = "sim", transactional = false)
class ConcurrentAudityWebhookTest extends BridgeTestBase {
    private static final int SENDERS = 8;
    private static final int ROUNDS = 5;

    @Test
    void eightIdenticalDeliveriesAtOnceAreAllAcknowledgedAndProcessedOnce() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String deliveryId = UUID.randomUUID().toString();
                CyclicBarrier start = new CyclicBarrier(SENDERS);
                List<CompletableFuture<Reply>> answers = new ArrayList<>();
                for (int i = 0; i < SENDERS; i++) {
                    answers.add(CompletableFuture.supplyAsync(
                            () -> {
                                await(start);
                                return deliver(deliveryId);
                            },
                            senders));
                }
                List<Reply> replies = new ArrayList<>();
                for (CompletableFuture<Reply> answer : answers) {
                    replies.add(answer.get(30, TimeUnit.SECONDS));
                }

                assertThat(replies)
                        .allSatisfy(reply ->
                                assertThat(reply.status()).as(reply.body()).isEqualTo(200));
                assertThat(replies.stream().filter(reply -> reply.at("deduped") == null))
                        .as("processed")
                        .hasSize(1);
                assertThat(count("select count(*) from inbound_delivery where delivery_id = ?", deliveryId))
                        .isEqualTo(1);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private Reply deliver(String deliveryId) {
        String body = """
                {"version":"1","event":"analysis_generated","timestamp":"2026-04-20T12:00:00Z","data":{"projectId":"%s"}}""".formatted(PROJECT_ID);
        return call(HttpRequest.POST("/v1/hooks/audity", body)
                .bearerAuth(API_KEY)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Audity-Event", "analysis_generated")
                .header("X-Audity-Delivery", deliveryId));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
