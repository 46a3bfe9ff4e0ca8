package com.auditybridge.run.steps;

import com.auditybridge.audity.ConvertResult;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Run;
import com.auditybridge.run.Step;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;

import java.time.Duration;

/**
 * The paid step: 1,000 credits, not idempotent. The intent is committed before the request goes
 * out; an answer that refuses the call clears it, an answer that never came leaves it, and then
 * the flow reconciles by reading instead of calling again.
 */
public final class ConvertStep implements Step {
    public static final String NAME = "convert";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome<?> call(Run run, StepContext context) {
        return context.audity().convertLead(context.connection().audityToken(), run.leadId(),
                () -> context.ledger().recordConvertIntent(run.id()));
    }

    @Override
    public boolean decidesTransient(UpstreamError error) {
        return error.kind() != UpstreamErrorKind.THROTTLED;
    }

    @Override
    public Transition decide(Run run, Outcome<?> outcome, Decisions decisions) {
        if (outcome.isSuccess()) {
            ConvertResult result = (ConvertResult) outcome.value();
            return decisions.advance(run, NAME, "converted",
                            "project " + result.auditId() + ", " + result.creditsUsed() + " credits")
                    .project(result.auditId()).conversionConfirmed().emit("lead.converted");
        }
        UpstreamError error = outcome.error();
        if (error.outcomeUnknown()) {
            // Counted, so that convert and its reconciliation cannot take turns for ever.
            return Transition.retry(NAME, decisions.now(), "unconfirmed",
                    error.kind() + " after the request was sent: reading the lead instead of converting again");
        }
        if (error.kind() == UpstreamErrorKind.RATE_LIMITED || error.kind() == UpstreamErrorKind.UPSTREAM_BUSY) {
            Duration wait = error.retryAfter() != null ? error.retryAfter() : Duration.ofSeconds(30);
            return decisions.hold(run, wait, "conversion refused with " + error.status()).conversionRefused();
        }
        if (error.isTransient()) {
            return decisions.retryOrFail(run, error).conversionRefused();
        }
        return decisions.fail(run, error).conversionRefused();
    }
}
