package com.auditybridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Whether the connection sees Audity's webhooks is a read of the database: only a decision that asks pays for it. */
class DecisionsTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void theWebhooksAreNotLookedAtUntilADecisionAsks() {
        AtomicInteger reads = new AtomicInteger();

        Decisions decisions = new Decisions(NOW, StepNotes.NONE, null, () -> reads.incrementAndGet() > 0);

        assertThat(decisions.now()).isEqualTo(NOW);
        assertThat(reads).hasValue(0);
    }

    @Test
    void theWebhooksAreLookedAtOnceHoweverOftenADecisionAsks() {
        AtomicInteger reads = new AtomicInteger();
        Decisions decisions = new Decisions(NOW, StepNotes.NONE, null, () -> reads.incrementAndGet() == 1);

        assertThat(decisions.audityWebhooksSeen()).isTrue();
        assertThat(decisions.audityWebhooksSeen()).isTrue();
        assertThat(reads).hasValue(1);
    }
}
