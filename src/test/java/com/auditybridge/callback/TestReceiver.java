package com.auditybridge.callback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real local HTTP receiver whose answers the test scripts, one per request, then 204s. */
public final class TestReceiver implements AutoCloseable {
    public record Answer(int status, Map<String, String> headers, String body, boolean hang, long delayMillis) {
        public static Answer of(int status) {
            return new Answer(status, Map.of(), "", false, 0);
        }

        static Answer with(int status, String header, String value) {
            return new Answer(status, Map.of(header, value), "", false, 0);
        }

        static Answer hanging() {
            return new Answer(200, Map.of(), "", true, 0);
        }

        /** A 204 that the receiver holds back for {@code millis} first: a slow target. */
        static Answer slow(long millis) {
            return new Answer(204, Map.of(), "", false, millis);
        }
    }

    public record Received(String rawQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    public TestReceiver() {
        this(0);
    }

    /** A receiver on {@code port} (0: any free one); a closed receiver can come back on its old port. */
    TestReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public TestReceiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(
                new Received(exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = script.poll();
        if (answer == null) {
            answer = Answer.of(204);
        }
        if (answer.hang()) {
            awaitRelease(30_000);
        } else if (answer.delayMillis() > 0) {
            awaitRelease(answer.delayMillis());
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void awaitRelease(long millis) {
        try {
            release.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
