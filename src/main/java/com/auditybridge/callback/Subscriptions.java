package com.auditybridge.callback;

import com.auditybridge.connection.SecretBox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions per connection; each has its own signing secret, stored sealed (see {@link SecretBox}). */
@Singleton
public class Subscriptions {
    private final SubscriptionRows rows;
    private final SecretBox box;

    Subscriptions(SubscriptionRows rows, SecretBox box) {
        this.rows = rows;
        this.box = box;
    }

    public record Created(String id, String secret) {
        @Override
        public String toString() {
            return "Created[" + id + ", secret hidden]";
        }
    }

    @Transactional
    public Created create(String connectionId, String targetUrl, List<String> events, Instant now) {
        Created created = new Created(UUID.randomUUID().toString(), WebhookSignature.newSecret());
        rows.save(new SubscriptionRows.Row(
                created.id(), connectionId, targetUrl, String.join(",", events), box.seal(created.secret()), now));
        return created;
    }

    @Transactional
    public List<Subscription> list(String connectionId) {
        return rows.findByConnectionIdOrderByCreatedAtAndId(connectionId).stream()
                .map(SubscriptionRows.Row::view)
                .toList();
    }

    /** The connection's subscription of this id; empty for another connection's. */
    @Transactional
    public Optional<Subscription> find(String connectionId, String id) {
        return rows.findByIdAndConnectionId(id, connectionId).map(SubscriptionRows.Row::view);
    }

    /** Deletes it; its deliveries not yet made are cancelled when they come due. */
    @Transactional
    public boolean remove(String connectionId, String id) {
        return rows.deleteByIdAndConnectionId(id, connectionId) == 1;
    }
}
