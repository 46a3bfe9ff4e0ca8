package com.auditybridge.run.steps;

import com.auditybridge.audity.Lead;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Run;
import com.auditybridge.run.Pacing;
import com.auditybridge.run.RunError;
import com.auditybridge.run.RunStatus;
import com.auditybridge.run.Step;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;

import java.time.Duration;
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
    /** How long a flaky upstream may keep the lead unreadable before a human is asked. */
    private static final Duration READ_FOR_AT_MOST = Duration.ofHours(1);

    @Override
    public String name() {
        return "reconcile-convert";
    }

    @Override
    public Outcome<?> call(Run run, StepContext context) {
        return context.audity().getLead(context.connection().audityToken(), run.leadId());
    }

    @Override
    public boolean decidesTransient(UpstreamError error) {
        // Waits the upstream or the bridge asked for are the runner's; failed reads are this step's.
        return error.kind() == UpstreamErrorKind.SERVER_ERROR || error.kind() == UpstreamErrorKind.TIMEOUT
                || error.kind() == UpstreamErrorKind.NETWORK;
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
            // Audity answered the lost call already (a 5xx or reset) and the lead is unconverted: nothing was
            // charged, so convert may go again. Each unanswered convert spent an attempt; when they are all
            // spent a human decides.
            UpstreamError notConverted = UpstreamError.of(UpstreamErrorKind.SERVER_ERROR, 0, null,
                    "the lead is not converted after an unanswered convert call");
            return decisions.retryDelay(run, notConverted)
                    .map(delay -> Transition.again(RunStatus.RUNNING, run.step(), decisions.now().plus(delay), "not-converted",
                            notConverted.message() + "; converting again in " + delay.toSeconds() + "s").conversionRefused())
                    .orElseGet(() -> unconfirmed(run, notConverted.message() + " " + run.attempts()
                            + " times; check it in Audity before converting by hand"));
        }
        UpstreamError error = outcome.error();
        Duration reading = Duration.between(run.stepStartedAt(), decisions.now());
        if (error.isTransient() && reading.compareTo(READ_FOR_AT_MOST) < 0) {
            // Reads are free and safe: they wait out a flaky upstream without spending the convert budget.
            return decisions.hold(run, Pacing.byAge(reading, Duration.ofSeconds(5), Duration.ofMinutes(5)),
                    "could not read the lead: " + error.kind());
        }
        return unconfirmed(run, "could not read the lead: " + error.kind() + " " + error.message());
    }

    static Transition unconfirmed(Run run, String why) {
        return Transition.fail(run.step(), new RunError("CONVERSION_UNCONFIRMED", why, null));
    }
}
