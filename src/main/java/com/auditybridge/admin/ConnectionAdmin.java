package com.auditybridge.admin;

import com.auditybridge.admin.ConnectionBodies.ConnectionBody;
import com.auditybridge.admin.ConnectionBodies.LeadSyncBody;
import com.auditybridge.callback.WebhookSignature;
import com.auditybridge.connection.ApiKeyStore;
import com.auditybridge.connection.AuditPart;
import com.auditybridge.connection.Connection;
import com.auditybridge.connection.ConnectionStore;
import com.auditybridge.connection.LeadSyncRules;
import com.auditybridge.connection.ManagedConnection;
import com.auditybridge.connection.PrivateNetworks;
import com.auditybridge.connection.WebhookTokens;
import com.auditybridge.leadsync.LeadSyncSettings;
import com.auditybridge.problem.Problem;
import com.auditybridge.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creates, changes and deletes connections for the admin API; every change is one transaction. */
@Singleton
public class ConnectionAdmin {
    private final ConnectionStore store;
    private final ApiKeyStore keys;
    private final WebhookTokens webhookTokens;
    private final ConnectionCleanup cleanup;
    private final LeadSyncSettings leadSyncDefaults;
    private final Clock clock;

    public ConnectionAdmin(
            ConnectionStore store,
            ApiKeyStore keys,
            WebhookTokens webhookTokens,
            ConnectionCleanup cleanup,
            LeadSyncSettings leadSyncDefaults,
            Clock clock) {
        this.store = store;
        this.keys = keys;
        this.webhookTokens = webhookTokens;
        this.cleanup = cleanup;
        this.leadSyncDefaults = leadSyncDefaults;
        this.clock = clock;
    }

    @Transactional
    public ConnectionViews.Created create(ConnectionBody body) {
        validate(body, true);
        Instant now = clock.instant();
        String secret = body.signingSecret() != null ? body.signingSecret() : WebhookSignature.newSecret();
        ManagedConnection c = new ManagedConnection(
                UUID.randomUUID().toString(),
                body.name().trim(),
                body.audityToken(),
                blankToNull(body.repoAuditToken()),
                secret,
                body.requestsPerMinute(),
                rules(body.leadSync(), null),
                networks(body.callbackPrivateNetworks(), PrivateNetworks.NONE),
                parts(body.include(), List.of()),
                now,
                now);
        store.insert(c);
        ConnectionViews.IssuedKey key = ConnectionViews.IssuedKey.of(keys.issue(c.id(), now));
        return new ConnectionViews.Created(c.id(), c.name(), key, secret, view(c));
    }

    @Transactional
    public ConnectionViews.ConnectionView update(String id, ConnectionBody body) {
        validate(body, false);
        ManagedConnection c = existing(id);
        ManagedConnection changed = new ManagedConnection(
                id,
                body.name() != null ? body.name().trim() : c.name(),
                body.audityToken() != null ? body.audityToken() : c.audityToken(),
                body.repoAuditToken() != null ? blankToNull(body.repoAuditToken()) : c.repoAuditToken(),
                body.signingSecret() != null ? body.signingSecret() : c.signingSecret(),
                body.requestsPerMinute() != null ? body.requestsPerMinute() : c.requestsPerMinute(),
                body.leadSync() != null ? rules(body.leadSync(), c.leadSync()) : c.leadSync(),
                networks(body.callbackPrivateNetworks(), c.privateNetworks()),
                parts(body.include(), c.include()),
                c.createdAt(),
                clock.instant());
        store.replace(changed);
        return view(changed);
    }

    @Transactional
    public void delete(String id) {
        existing(id);
        cleanup.forget(id);
        store.delete(id);
    }

    @Transactional
    public ConnectionViews.IssuedKey issueKey(String id) {
        existing(id);
        return ConnectionViews.IssuedKey.of(keys.issue(id, clock.instant()));
    }

    /**
     * A new token for Audity's webhooks, replacing the connection's previous one (which stops working at once).
     * The default connection has one too: it is not managed here otherwise, but Audity must be able to reach it.
     */
    @Transactional
    public ConnectionViews.IssuedWebhookToken rotateWebhookToken(String id) {
        if (!Connection.DEFAULT_ID.equals(id)) {
            existing(id);
        }
        return ConnectionViews.IssuedWebhookToken.of(webhookTokens.rotate(id, clock.instant()));
    }

    @Transactional
    public void revokeKey(String id, String keyId) {
        if (!keys.revoke(existing(id).id(), keyId)) {
            throw ProblemException.notFound("API key " + keyId);
        }
    }

    @Transactional
    public ConnectionViews.ConnectionView one(String id) {
        return view(existing(id));
    }

    @Transactional
    public List<ConnectionViews.ConnectionView> all() {
        return store.all().stream().map(this::view).toList();
    }

    private ConnectionViews.ConnectionView view(ManagedConnection c) {
        return ConnectionViews.ConnectionView.of(c, keys.of(c.id()));
    }

    private ManagedConnection existing(String id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("Connection " + id));
    }

    private LeadSyncRules rules(LeadSyncBody body, LeadSyncRules current) {
        if (body == null) {
            return null;
        }
        LeadSyncRules base = current != null ? current : leadSyncDefaults.rules();
        return new LeadSyncRules(
                body.minScore() != null ? body.minScore() : base.minScore(),
                body.maxAgeDays() != null ? Duration.ofDays(body.maxAgeDays()) : base.maxAge(),
                body.maxPerDay() != null ? body.maxPerDay() : base.maxPerDay(),
                body.creditFloor() != null ? body.creditFloor() : base.creditFloor());
    }

    private static PrivateNetworks networks(List<String> given, PrivateNetworks current) {
        return given == null ? current : new PrivateNetworks(given);
    }

    private static List<AuditPart> parts(List<String> given, List<AuditPart> current) {
        return given == null ? current : AuditPart.ordered(given);
    }

    private static void validate(ConnectionBody body, boolean creating) {
        if (body == null) {
            throw ProblemException.invalid(
                    "INVALID_CONNECTION", List.of(new Problem.FieldError("body", "is required")));
        }
        List<Problem.FieldError> errors = body.errors(creating);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("INVALID_CONNECTION", errors);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
