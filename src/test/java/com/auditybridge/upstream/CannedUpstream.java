package com.auditybridge.upstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free local port that gives canned answers per method and path and records
 * every request, so that the clients' mapping is tested over the wire rather than against mocks.
 */
public final class CannedUpstream implements AutoCloseable {

    public record Received(String method, String uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }
    }

    private record Answer(int status, String body, Map<String, String> headers, boolean hang) {}

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server;

    public CannedUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public CannedUpstream answer(String method, String path, int status, String body, Map<String, String> headers) {
        answers.put(method + " " + path, new Answer(status, body, headers, false));
        return this;
    }

    public CannedUpstream answer(String method, String path, int status, String body) {
        return answer(method, path, status, body, Map.of());
    }

    /** Answers only once {@link #close()} runs, i.e. later than any short read timeout. */
    public CannedUpstream hang(String method, String path) {
        answers.put(method + " " + path, new Answer(200, "{}", Map.of(), true));
        return this;
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        received.add(new Received(
                exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
        Answer answer = answers.getOrDefault(
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                new Answer(599, "no canned answer", Map.of(), false));
        if (answer.hang()) {
            awaitRelease();
        }
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
