package com.auditybridge.sim.inbox;

import com.auditybridge.sim.Resettable;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo inbox: point a callbackUrl or subscription at {@code /sim/inbox}, then GET it to see what
 * arrived and whether each signature verified against {@code bridge.signing-secret} (and
 * {@code bridge.signing.previous-secret} during a rotation). Knows nothing of the bridge's code.
 */
@Controller("/sim/inbox")
@Requires(env = SimulatorActivation.ENVIRONMENT)
public class InboxController implements Resettable {
    private static final int KEEP = 200;
    private final List<String> secrets = new ArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public InboxController(
            @Value("${bridge.signing-secret:}") @Nullable String secret,
            @Value("${bridge.signing.previous-secret:}") @Nullable String previous) {
        for (String s : new String[] {secret, previous}) {
            if (s != null && !s.isBlank()) {
                secrets.add(s);
            }
        }
    }

    @Serdeable
    public record Received(String webhookId, String timestamp, boolean verified, String query, String body) {}

    @Serdeable
    public record Inbox(List<Received> messages) {}

    @Post
    HttpResponse<Void> receive(HttpRequest<?> request, @Body @Nullable String body) {
        String text = body == null ? "" : body;
        String id = request.getHeaders().get("webhook-id");
        String timestamp = request.getHeaders().get("webhook-timestamp");
        boolean verified = InboxVerifier.verify(
                secrets, id, timestamp, text, request.getHeaders().get("webhook-signature"));
        received.add(new Received(id, timestamp, verified, request.getUri().getRawQuery(), text));
        while (received.size() > KEEP) {
            received.remove(0);
        }
        return verified ? HttpResponse.noContent() : HttpResponse.unauthorized();
    }

    @Get
    Inbox list() {
        return new Inbox(List.copyOf(received));
    }

    @Override
    public void reset() {
        received.clear();
    }
}
