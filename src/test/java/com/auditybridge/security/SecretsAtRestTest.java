package com.auditybridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.auditybridge.callback.PlainSecretSealer;
import com.auditybridge.callback.WebhookSignature;
import com.auditybridge.connection.SecretBox;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Subscription secrets sealed at rest, plain ones of earlier versions sealed at start, and each connection's own rate. */
@MicronautTest(environments = "sim", transactional = false)
class SecretsAtRestTest extends AdminTestBase {
    @Inject
    PlainSecretSealer sealer;

    @Inject
    SecretBox box;

    @Test
    void aSubscriptionSecretIsStoredSealed() {
        Reply subscribed = call(HttpRequest.POST(
                        "/v1/subscriptions", "{\"targetUrl\":\"https://hooks.example.com/zap\",\"events\":[\"*\"]}")
                .bearerAuth(API_KEY));

        assertThat(count(
                        "select count(*) from subscription where id = ? and secret like 'sb1:%' and secret not like ?",
                        subscribed.text("id"), "%" + subscribed.text("secret") + "%"))
                .isEqualTo(1);
    }

    @Test
    void aSecretStoredInPlainTextBeforeEncryptionIsSealedAtStartAndStillOpens() {
        String plain = WebhookSignature.newSecret();
        execute(
                "insert into subscription (id, connection_id, target_url, events, secret, created_at) values (?,?,?,?,?,?)",
                "old-subscription",
                "default",
                "https://hooks.example.com/old",
                "*",
                plain,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));

        sealer.sealPlainSecrets();

        assertThat(count("select count(*) from subscription where secret = ?", plain))
                .isZero();
        String stored = connections.executeRead(status -> {
            try (var ps = status.getConnection()
                            .prepareStatement("select secret from subscription where id = 'old-subscription'");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(box.open(stored)).isEqualTo(plain);
    }

    @Test
    void aConnectionsOwnInboundRateIsAppliedToItsHooks() {
        // 20 a minute takes a burst of 2 (a tenth of the rate) back to back, then one call every 3⅓ s.
        String key = createConnection(
                        "{\"name\":\"Slow\",\"audityToken\":\"" + SECOND_TOKEN + "\",\"requestsPerMinute\":20}")
                .text("apiKey.key");
        String body = "{\"projectId\":\"" + PROJECT_ID + "\"}";

        assertThat(callWithKey(unsignedHookRequest("analysis-requested", body), key)
                        .status())
                .isEqualTo(202);
        assertThat(callWithKey(unsignedHookRequest("analysis-requested", body), key)
                        .status())
                .isEqualTo(202);
        assertProblem(callWithKey(unsignedHookRequest("analysis-requested", body), key), 429, "RATE_LIMITED");
        assertThat(hook("analysis-requested", body).status()).isEqualTo(202);
    }
}
