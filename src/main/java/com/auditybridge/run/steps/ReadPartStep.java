package com.auditybridge.run.steps;

import com.auditybridge.connection.AuditPart;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Exit;
import com.auditybridge.run.PartOutcome;
import com.auditybridge.run.Run;
import com.auditybridge.run.Step;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.RawJson;
import com.auditybridge.upstream.UpstreamError;

/**
 * Reads one part of the finished audit the run asked for ({@link AuditPart}: the project's latest analysis, its
 * deliverables) through the token's read budget, and keeps it exactly as Audity answered it. The part is an extra:
 * a read that fails does not fail the run, which goes on and completes without it and says why
 * ({@code result.missing}); it is not tried again by itself, since {@code POST /v1/runs/{id}/result/refresh} does
 * that on demand. So the step judges its own failures (folded into its {@link Read}); only a read the bridge held
 * back, or one Audity asked to wait for (429 or 503 with Retry-After), waits and is read then, as any step's call.
 * A refresh of a completed run ({@code run.ResultRefresh}) calls and judges with this same step.
 */
public final class ReadPartStep implements Step<ReadPartStep.Read> {
    private final AuditPart part;

    public ReadPartStep(AuditPart part) {
        this.part = part;
    }

    /** What the read came to: the document, or the failure. */
    public record Read(RawJson document, UpstreamError error) {}

    @Override
    public String name() {
        return StepNames.read(part);
    }

    public AuditPart part() {
        return part;
    }

    @Override
    public Outcome<Read> call(Run run, StepContext context) {
        String token = context.connection().audityToken();
        Outcome<RawJson> read = part == AuditPart.ANALYSIS
                ? context.audity().auditAnalysisDocument(token, run.projectId())
                : context.audity().deliverables(token, run.projectId());
        return read.isSuccess()
                ? Outcome.success(200, new Read(read.value(), null))
                : Outcome.success(read.error().status(), new Read(null, read.error()));
    }

    @Override
    public Transition decide(Run run, Outcome<Read> outcome, Decisions decisions) {
        Read read = outcome.value();
        UpstreamError error = read.error();
        if (error != null && decisions.holds(error)) {
            return decisions.afterTransient(run, error, Decisions.describe(error));
        }
        if (error != null) {
            return missing(decisions, PartOutcome.missing(part, error));
        }
        // The latest analysis is the project's, not the run's: another analysis started since answers "running".
        if (part == AuditPart.ANALYSIS
                && "running".equals(read.document().string("status").orElse(null))) {
            return missing(
                    decisions,
                    PartOutcome.missing(
                            part,
                            "ANALYSIS_RUNNING",
                            "a newer analysis of the project is running; refresh the result once it is done"));
        }
        return Transition.exit(
                        Exit.DONE,
                        decisions.now(),
                        "read",
                        part.wireName() + ": " + read.document().bytes() + " bytes")
                .withPart(PartOutcome.read(part, read.document()));
    }

    private Transition missing(Decisions decisions, PartOutcome missing) {
        return Transition.exit(
                        Exit.DONE,
                        decisions.now(),
                        "missing",
                        part.wireName() + " missing: " + missing.code() + ": " + missing.message())
                .withPart(missing);
    }
}
