package com.auditybridge.callback;

import com.auditybridge.connection.Connection;
import com.auditybridge.connection.Connections;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The secrets a connection's deliveries are signed with: the configured one (or, when none is
 * configured, the one the bridge generated and stored), plus the previous one during a rotation.
 */
@Singleton
public class SigningKeys {
    private final Connections connections;
    private final GeneratedSecrets generated;
    private final SigningSettings rotation;
    private final Clock clock;

    public SigningKeys(Connections connections, GeneratedSecrets generated, SigningSettings rotation, Clock clock) {
        this.connections = connections;
        this.generated = generated;
        this.rotation = rotation;
        this.clock = clock;
    }

    /** The secrets, newest first; none when the connection was deleted (its deliveries are then cancelled). */
    public List<String> forConnection(String connectionId) {
        Optional<Connection> found = connections.byId(connectionId);
        if (found.isEmpty()) {
            return List.of();
        }
        Connection connection = found.get();
        List<String> secrets = new ArrayList<>();
        if (connection.signingSecret() != null) {
            secrets.add(connection.signingSecret());
            if (Connection.DEFAULT_ID.equals(connectionId) && previousStillValid(clock.instant())) {
                secrets.add(rotation.previousSecret());
            }
        } else {
            secrets.add(generated.ensure(connectionId));
        }
        return secrets;
    }

    private boolean previousStillValid(Instant now) {
        return rotation.previousSecret() != null
                && !rotation.previousSecret().isBlank()
                && (rotation.previousUntil() == null || now.isBefore(rotation.previousUntil()));
    }
}
