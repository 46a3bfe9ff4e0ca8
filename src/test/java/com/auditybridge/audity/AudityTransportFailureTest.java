package com.auditybridge.audity;

import static com.auditybridge.audity.HttpAudityApiTest.TOKEN;
import static com.auditybridge.upstream.UpstreamErrorKind.NETWORK;
import static com.auditybridge.upstream.UpstreamErrorKind.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.upstream.CannedUpstream;
import com.auditybridge.upstream.UpstreamError;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a call comes to when no answer arrives, and whether the request may have reached the upstream. */
class AudityTransportFailureTest {

    @Test
    void aPortNobodyListensOnIsANetworkFailureWhoseRequestWasNeverSent() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (HttpAudityApi api = HttpAudityApiTest.apiWith("http://127.0.0.1:" + port, Duration.ofSeconds(5))) {
            UpstreamError error = api.convertLead(TOKEN, "l-1").error();

            assertThat(error.kind()).isEqualTo(NETWORK);
            assertThat(error.requestSent()).isFalse();
            assertThat(error.outcomeUnknown()).isFalse();
        }
    }

    @Test
    void aConnectionResetAfterTheRequestIsANetworkFailureWithAnUnknownOutcome() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                HttpAudityApi api =
                        HttpAudityApiTest.apiWith("http://127.0.0.1:" + server.getLocalPort(), Duration.ofSeconds(5))) {
            CompletableFuture<Void> resetter = CompletableFuture.runAsync(() -> resetAfterReadingTheRequest(server));

            UpstreamError error = api.convertLead(TOKEN, "l-1").error();

            resetter.get();
            assertThat(error.kind()).isEqualTo(NETWORK);
            assertThat(error.requestSent()).isTrue();
            assertThat(error.outcomeUnknown()).isTrue();
        }
    }

    @Test
    void anUpstreamSlowerThanTheReadTimeoutIsATimeout() {
        try (CannedUpstream upstream = new CannedUpstream().hang("POST", "/api/lead-generation/leads/l-1/convert");
                HttpAudityApi api = HttpAudityApiTest.apiWith(upstream.baseUrl(), Duration.ofMillis(300))) {
            UpstreamError error = api.convertLead(TOKEN, "l-1").error();

            assertThat(error.kind()).isEqualTo(TIMEOUT);
            assertThat(error.outcomeUnknown()).isTrue();
        }
    }

    // Reads up to the blank line that ends the request head, then closes with SO_LINGER 0, which sends a reset.
    private static void resetAfterReadingTheRequest(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
