package com.auditybridge.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Signed deliveries per second to a local receiver: sign + POST on the guarded callback client, the
 * way a delivery attempt does it (no database). Not part of the suite: {@code -Dtest=DeliveryBenchmark}.
 */
class DeliveryBenchmark {
    static final int WARMUP = 2_000;
    static final int COUNT = Integer.getInteger("bench.count", 20_000);
    static final int THREADS = Integer.getInteger("bench.threads", 8);

    @Test
    void signedDeliveriesPerSecond() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(
                        Map.of(
                                "bridge.allow-private-callbacks",
                                "true",
                                "micronaut.server.port",
                                "-1",
                                "test.scheduler",
                                "manual"),
                        "test");
                TestReceiver receiver = new TestReceiver()) {
            DeliverySender sender = context.getBean(DeliverySender.class);
            String url = receiver.url("/bench?x=1");
            String body =
                    "{\"type\":\"audit.completed\",\"timestamp\":\"2026-04-20T12:00:00Z\",\"data\":{\"runId\":\"r\"}}";
            List<String> secrets = List.of(WebhookSignature.newSecret());
            run(sender, url, body, secrets, WARMUP);
            long start = System.nanoTime();
            int ok = run(sender, url, body, secrets, COUNT);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "BENCH deliveries=%d ok=%d threads=%d seconds=%.2f rate=%.0f/s%n",
                    COUNT, ok, THREADS, seconds, COUNT / seconds);
            assertThat(ok).isEqualTo(COUNT);
        }
    }

    private static int run(DeliverySender sender, String url, String body, List<String> secrets, int count)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger ok = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            String id = "msg_" + i;
            pool.execute(() -> {
                SignedHeaders signed = SignedHeaders.sign(secrets, id, System.currentTimeMillis() / 1000, body);
                if (sender.send(url, com.auditybridge.connection.PrivateNetworks.NONE, signed, body)
                        .succeeded()) {
                    ok.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return ok.get();
    }
}
