package com.auditybridge.admin;

import com.auditybridge.connection.ApiKeyRow;
import com.auditybridge.connection.ApiKeyStore;
import com.auditybridge.connection.AuditPart;
import com.auditybridge.connection.Digests;
import com.auditybridge.connection.LeadSyncRules;
import com.auditybridge.connection.ManagedConnection;
import com.auditybridge.connection.WebhookTokens;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** What the admin API answers. Only {@link Created}, {@link IssuedKey} and {@link IssuedWebhookToken} carry a secret, once. */
final class ConnectionViews {
    private ConnectionViews() {}

    /** A connection as listed: fingerprints (12 hex digits of the SHA-256) instead of tokens and secrets. */
    @Serdeable
    record ConnectionView(
            String id,
            String name,
            String audityTokenFingerprint,
            @Nullable String repoAuditTokenFingerprint,
            String signingSecretFingerprint,
            @Nullable Integer requestsPerMinute,
            @Nullable LeadSyncView leadSync,
            List<String> callbackPrivateNetworks,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<String> include,
            List<KeyView> keys,
            Instant createdAt,
            Instant updatedAt) {
        static ConnectionView of(ManagedConnection c, List<ApiKeyRow> keys) {
            LeadSyncRules r = c.leadSync();
            return new ConnectionView(
                    c.id(),
                    c.name(),
                    Digests.fingerprint(c.audityToken()),
                    Digests.fingerprint(c.repoAuditToken()),
                    Digests.fingerprint(c.signingSecret()),
                    c.requestsPerMinute(),
                    r == null
                            ? null
                            : new LeadSyncView(r.minScore(), r.maxAge().toDays(), r.maxPerDay(), r.creditFloor()),
                    c.privateNetworks().entries(),
                    c.include().stream().map(AuditPart::wireName).toList(),
                    keys.stream()
                            .map(k -> new KeyView(k.id(), k.prefix(), k.createdAt()))
                            .toList(),
                    c.createdAt(),
                    c.updatedAt());
        }
    }

    @Serdeable
    record LeadSyncView(double minScore, long maxAgeDays, int maxPerDay, long creditFloor) {}

    @Serdeable
    record KeyView(String id, String prefix, Instant createdAt) {}

    @Serdeable
    record ConnectionList(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<ConnectionView> connections) {}

    /** A connection's token for Audity's webhooks, shown in full this once, with the path to paste into Audity. */
    @Serdeable
    record IssuedWebhookToken(String connectionId, String token, String prefix, Instant createdAt, String path) {
        static IssuedWebhookToken of(WebhookTokens.NewWebhookToken issued) {
            return new IssuedWebhookToken(
                    issued.connectionId(),
                    issued.token(),
                    issued.prefix(),
                    issued.createdAt(),
                    "/v1/hooks/audity?token=" + issued.token());
        }

        @Override
        public String toString() {
            return "IssuedWebhookToken[" + connectionId + ", " + prefix + "…]";
        }
    }

    /** A key, shown in full this once. */
    @Serdeable
    record IssuedKey(String id, String key, String prefix, Instant createdAt) {
        static IssuedKey of(ApiKeyStore.NewApiKey issued) {
            return new IssuedKey(
                    issued.row().id(),
                    issued.key(),
                    issued.row().prefix(),
                    issued.row().createdAt());
        }

        @Override
        public String toString() {
            return "IssuedKey[" + id + ", " + prefix + "…]";
        }
    }

    /** The answer to a creation: the connection, its first key and its signing secret, shown this once. */
    @Serdeable
    record Created(String id, String name, IssuedKey apiKey, String signingSecret, ConnectionView connection) {
        @Override
        public String toString() {
            return "Created[" + id + ", secrets hidden]";
        }
    }
}
