package com.auditybridge.leadsync;

import com.auditybridge.audity.Lead;
import com.auditybridge.connection.LeadSyncRules;
import java.time.Instant;

/** How a connection's {@link LeadSyncRules} judge one lead. */
final class LeadChoice {
    private LeadChoice() {}

    /** Leads the sync considers at all: not converted, not archived, young enough. */
    static boolean fresh(LeadSyncRules rules, Lead lead, Instant now) {
        return !lead.converted()
                && !"archived".equals(lead.surveyStatus())
                && lead.createdAt() != null
                && !lead.createdAt().isBefore(now.minus(rules.maxAge()));
    }

    static boolean scoresHighEnough(LeadSyncRules rules, Lead lead) {
        Double score = lead.aiReadinessScore() != null ? lead.aiReadinessScore() : lead.compositeScore();
        return score != null && score >= rules.minScore();
    }
}
