package com.auditybridge.run.steps;

import com.auditybridge.audity.Lead;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunError;
import com.auditybridge.run.Step;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;

import java.util.HashMap;
import java.util.Map;

/**
 * A conversion was attempted and its answer lost. Read the lead (one call, so that a token's smoothed read
 * budget never starves a second one): converted, then {@link RecoverProjectStep} finds the project it became;
 * not converted, then nothing was charged and the conversion may be tried again, within the step's attempts.
 * What cannot be established fails the run with CONVERSION_UNCONFIRMED for a human; it never pays a second time.
 */
public final class ReconcileConversionStep implements Step {
    /** Where the lead's company is kept for the recovery: the project a conversion creates is named after it. */
    static final String CONVERTED_LEAD = "convertedLead";

    @Override
    public String name() {
        return "reconcile-convert";
    }

    @Override
    public Outcome<?> call(Run run, StepContext context) {
        return context.audity().getLead(context.connection().audityToken(), run.leadId());
    }

    /** All but the waits the bridge or Audity asked for (a 429 storm): the runner holds those without spending an attempt. */
    @Override
    public boolean decidesTransient(UpstreamError error) {
        boolean askedToWait = (error.kind() == UpstreamErrorKind.RATE_LIMITED || error.kind() == UpstreamErrorKind.UPSTREAM_BUSY)
                && error.retryAfter() != null;
        return error.kind() != UpstreamErrorKind.THROTTLED && !askedToWait;
    }

    @Override
    public Transition decide(Run run, Outcome<?> outcome, Decisions decisions) {
        if (outcome.isSuccess()) {
            Lead lead = (Lead) outcome.value();
            if (lead.converted()) {
                Map<String, Object> converted = new HashMap<>();
                converted.put("companyName", lead.companyName());
                return Transition.advance(RecoverProjectStep.NAME, decisions.now(), "lead-converted",
                        "the lead is converted: looking for the project it became").remember(CONVERTED_LEAD, converted);
            }
            // Audity answered the lost call already (a 5xx or reset) and the lead is unconverted: nothing was charged.
            // The convert already spent its attempt; spending a second one here gave the paid step half its tries.
            UpstreamError notConverted = UpstreamError.of(UpstreamErrorKind.SERVER_ERROR, 0, null,
                    "the lead is not converted after an unanswered convert call");
            return orUnconfirmed(run, decisions.retryCountedOrFail(run, notConverted).conversionRefused(),
                    notConverted.message() + "; check it in Audity before converting by hand");
        }
        UpstreamError error = outcome.error();
        if (error.isTransient()) {
            return orUnconfirmed(run, decisions.retryOrFail(run, error), "could not read the lead: " + error.message());
        }
        return unconfirmed(run, "could not read the lead: " + error.kind() + " " + error.message());
    }

    /** The retry, or CONVERSION_UNCONFIRMED once the attempts are spent. */
    static Transition orUnconfirmed(Run run, Transition retry, String why) {
        return retry.error() == null ? retry : unconfirmed(run, why);
    }

    static Transition unconfirmed(Run run, String why) {
        return Transition.fail(run.step(), new RunError("CONVERSION_UNCONFIRMED", why, null));
    }
}
