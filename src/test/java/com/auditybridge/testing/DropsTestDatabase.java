package com.auditybridge.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drops a test class's Postgres schema once its application context is closed: declared on the base class,
 * this extension registers before {@code @MicronautTest}'s, so its after-all callback runs after that one's.
 */
public final class DropsTestDatabase implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) {
        context.getTestInstance()
                .filter(BridgeTestBase.class::isInstance)
                .map(BridgeTestBase.class::cast)
                .ifPresent(BridgeTestBase::dropDatabase);
    }
}
