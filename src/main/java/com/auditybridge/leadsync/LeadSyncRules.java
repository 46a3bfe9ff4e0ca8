package com.auditybridge.leadsync;

import com.auditybridge.audity.Lead;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;

/**
 * Which leads a sync may convert, and how much it may spend.
 *
 * @param creditFloor credits that must remain after the sync's conversions, kept as whole projects of
 *                    Audity's {@code projectsRemaining} ({@link CreditAllowance})
 */
@Serdeable
public record LeadSyncRules(double minScore, Duration maxAge, int maxPerDay, long creditFloor) {

    /** Leads the sync considers at all: not converted, not archived, young enough. */
    public boolean fresh(Lead lead, Instant now) {
        return !lead.converted()
                && !"archived".equals(lead.surveyStatus())
                && lead.createdAt() != null
                && !lead.createdAt().isBefore(now.minus(maxAge));
    }

    public boolean scoresHighEnough(Lead lead) {
        Double score = lead.aiReadinessScore() != null ? lead.aiReadinessScore() : lead.compositeScore();
        return score != null && score >= minScore;
    }
}
