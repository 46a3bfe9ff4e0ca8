import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate load, an open loop: a lead-arrived hook with a new lead id is due every 1/RATE s whether or not earlier
 * answers came. CONNECTIONS kept-alive HTTP/1.1 connections, each on its own thread, take due hooks from one queue; a
 * hook that finds every connection busy waits in the queue, and its latency is measured from when it was due, so a
 * stall counts for every hook it held up (no coordinated omission). WARMUP seconds first, not counted.
 * Usage: java bench/RateClient.java URL RATE SECONDS [WARMUP=10] [CONNECTIONS=64] [KEY=bench-key]
 */
public class RateClient {
    record Due(int index, long planned) {}

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        String key = args.length > 5 ? args[5] : "bench-key";
        long period = 1_000_000_000L / rate;
        int total = rate * (warmup + seconds);
        int firstCounted = rate * warmup;
        String run = Long.toString(System.currentTimeMillis(), 36);
        BlockingQueue<Due> due = new ArrayBlockingQueue<>(total + connections);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                Socket socket = null;
                while (true) {
                    Due next;
                    try {
                        next = due.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    int status;
                    try {
                        if (socket == null) {
                            socket = new Socket(uri.getHost(), uri.getPort());
                            socket.setTcpNoDelay(true);
                        }
                        status = post(socket, uri, key, "{\"leadId\":\"rate-" + run + "-" + next.index()
                                + "\",\"metadata\":{\"bench\":true}}");
                    } catch (IOException e) {
                        status = -1;
                        try {
                            if (socket != null) {
                                socket.close();
                            }
                        } catch (IOException ignored) {
                            // a connection that failed is replaced at the next hook
                        }
                        socket = null;
                    }
                    if (next.index() >= firstCounted) {
                        latencies.add(System.nanoTime() - next.planned());
                        (status / 100 == 2 ? ok : failed).incrementAndGet();
                    }
                    done.countDown();
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        long start = System.nanoTime() + 100_000_000L;
        int late = 0;
        for (int i = 0; i < total; i++) {
            long planned = start + i * period;
            long wait = planned - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -period) {
                late++;
            }
            due.add(new Due(i, planned));
        }
        long sendingEnded = System.nanoTime();
        done.await(120, TimeUnit.SECONDS);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "rate %d/s for %d s (after %d s warm-up), %d connections: %d answered 2xx, %d not; scheduling took %.1f s"
                        + " (%d hooks queued late by the client itself)%n",
                rate, seconds, warmup, connections, ok.get(), failed.get(), (sendingEnded - start) / 1e9, late);
        System.out.printf(
                "latency from when due: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), at(sorted, 0.999), at(sorted, 1.0));
    }

    /** One POST on a kept-alive connection; the answer's status, its body read and dropped. */
    private static int post(Socket socket, URI uri, String key, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + key + "\r\nContent-Length: "
                + bytes.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String status = line(in);
        int length = 0;
        for (String header; !(header = line(in)).isEmpty(); ) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    private static double at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
