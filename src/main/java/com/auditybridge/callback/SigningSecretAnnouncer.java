package com.auditybridge.callback;

import com.auditybridge.connection.Connection;
import com.auditybridge.connection.Connections;
import com.auditybridge.connection.SecretBox;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the first start without {@code BRIDGE_SIGNING_SECRET}, generates the default connection's secret
 * and says once where to read it. The secret itself is never logged.
 */
@Singleton
public class SigningSecretAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(SigningSecretAnnouncer.class);
    private final Connections connections;
    private final GeneratedSecrets generated;
    private final SecretBox box;

    public SigningSecretAnnouncer(Connections connections, GeneratedSecrets generated, SecretBox box) {
        this.connections = connections;
        this.generated = generated;
        this.box = box;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Connection connection = connections.byId(Connection.DEFAULT_ID).orElseThrow();
        if (connection.signingSecret() != null) {
            if (!WebhookSignature.isValid(connection.signingSecret())) {
                LOG.warn(
                        "BRIDGE_SIGNING_SECRET is not a whsec_<base64> secret of at least 16 bytes; callbacks cannot be signed");
            }
            return;
        }
        if (!box.canSeal()) {
            LOG.error(
                    "Neither BRIDGE_SIGNING_SECRET nor BRIDGE_ENCRYPTION_KEY is set: no signing secret can be generated"
                            + " and stored, so callbacks of the default connection cannot be signed. Set one of them.");
            return;
        }
        if (!generated.exists(connection.id())) {
            generated.ensure(connection.id());
            LOG.info(
                    "SIGNING SECRET GENERATED for connection '{}' (no BRIDGE_SIGNING_SECRET set): read it once with"
                            + " GET /v1/signing-secret and your API key; it will not be shown again",
                    connection.id());
        }
    }
}
