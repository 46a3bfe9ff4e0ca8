package com.auditybridge.run.steps;

import com.auditybridge.audity.ConvertResult;
import com.auditybridge.audity.Lead;
import com.auditybridge.audity.Project;
import com.auditybridge.callback.EventTypes;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Exit;
import com.auditybridge.run.Run;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.run.paid.Evidence;
import com.auditybridge.run.paid.PaidCall;
import com.auditybridge.run.paid.PaidCallKind;
import com.auditybridge.run.paid.PaidCallRecord.How;
import com.auditybridge.run.paid.Progress;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Converting the lead: 1,000 credits, not idempotent. After a lost answer the evidence is the lead itself
 * ({@code surveyStatus} converted or not); a converted lead's project is the one project created since the first
 * send that no other run holds. Conversions of one token are sent one at a time, so no other conversion of the
 * bridge's can have made it; a project a person made meanwhile is told apart by the lead's company name, which
 * Audity copies into the project's client name (inferred: not documented). Anything else is for a human.
 */
public final class Conversion implements PaidCall<ConvertResult> {

    @Override
    public PaidCallKind kind() {
        return PaidCallKind.CONVERT;
    }

    @Override
    public String token(StepContext context) {
        return context.connection().audityToken();
    }

    @Override
    public String subject(Run run, StepContext context) {
        return run.leadId();
    }

    @Override
    public Outcome<ConvertResult> send(Run run, StepContext context, BooleanSupplier intent) {
        return context.audity().convertLead(token(context), run.leadId(), intent);
    }

    @Override
    public String idOf(ConvertResult answer) {
        return answer.auditId();
    }

    @Override
    public boolean provesEarlierCharge(UpstreamError refusal) {
        return refusal.kind() == UpstreamErrorKind.ALREADY_CONVERTED;
    }

    @Override
    public Evidence look(Run run, StepContext context, Look look) {
        Outcome<Lead> lead = context.audity().getLead(token(context), run.leadId());
        if (!lead.isSuccess()) {
            return new Evidence.Unreadable(lead.error());
        }
        if (!lead.value().converted()) {
            return new Evidence.NotDone("the lead is not converted", true);
        }
        Outcome<List<Project>> projects = context.audity().listProjects(token(context));
        if (!projects.isSuccess()) {
            return new Evidence.Unreadable(projects.error());
        }
        List<Project> recent = projects.value().stream()
                .filter(p -> p.createdAt() != null && !p.createdAt().isBefore(look.since()))
                .toList();
        Set<String> held =
                look.heldElsewhere().apply(recent.stream().map(Project::id).toList());
        List<Project> candidates =
                recent.stream().filter(p -> !held.contains(p.id())).toList();
        if (candidates.size() == 1) {
            return new Evidence.Done(
                    candidates.get(0).id(),
                    "the lead is converted, and project " + candidates.get(0).id()
                            + " is the one project created since " + look.since() + " that no other run holds");
        }
        if (candidates.isEmpty()) {
            return new Evidence.Pending("the lead is converted but no project created since " + look.since()
                    + " and held by no other run is listed yet");
        }
        String company = lead.value().companyName();
        List<Project> named = candidates.stream()
                .filter(p -> company != null && Objects.equals(company, p.clientName()))
                .toList();
        if (named.size() == 1) {
            return new Evidence.Done(
                    named.get(0).id(),
                    "the lead is converted, and project " + named.get(0).id() + " is the one of " + candidates.size()
                            + " new projects named after the lead's company");
        }
        return new Evidence.Ambiguous("the lead is converted; projects created since " + look.since()
                + " that no other run holds: "
                + candidates.stream()
                        .map(p -> p.id() + " (" + p.clientName() + ")")
                        .toList()
                + "; none or several named after the lead's company " + company);
    }

    @Override
    public Transition done(Run run, Progress.Done<ConvertResult> done, Decisions decisions) {
        String detail = done.how() == How.ANSWER
                ? "project " + done.id()
                        + (done.answer() == null ? "" : ", " + done.answer().creditsUsed() + " credits")
                : "project " + done.id() + " recovered: " + done.what();
        return Transition.exit(Exit.DONE, decisions.now(), "converted", detail)
                .withProject(done.id())
                .withEvent(EventTypes.LEAD_CONVERTED);
    }

    @Override
    public String unconfirmedCode() {
        return "CONVERSION_UNCONFIRMED";
    }
}
