package com.auditybridge.audity;

import com.auditybridge.upstream.CallClass;
import com.auditybridge.upstream.NotSent;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.RawJson;
import com.auditybridge.upstream.UpstreamGate;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The Audity calls the flows make, each drawn from its budget class through the gate. */
@Singleton
public class GatedAudity {
    private final AudityApi api;
    private final UpstreamGate gate;

    public GatedAudity(AudityApi api, UpstreamGate gate) {
        this.api = api;
        this.gate = gate;
    }

    public Outcome<LeadPage> listLeads(String token, LeadQuery query) {
        return gate.call(CallClass.AUDITY_READ, token, () -> api.listLeads(token, query));
    }

    public Outcome<Credits> credits(String token) {
        return gate.call(CallClass.AUDITY_READ, token, () -> api.credits(token));
    }

    public Outcome<Lead> getLead(String token, String leadId) {
        return gate.call(CallClass.AUDITY_READ, token, () -> api.getLead(token, leadId));
    }

    /**
     * The paid conversion. {@code intent} runs only once the gate let the call through, right before it goes out;
     * when it answers false (the run moved on, or another conversion holds the token) nothing is sent.
     */
    public Outcome<ConvertResult> convertLead(String token, String leadId, BooleanSupplier intent) {
        return gate.call(
                CallClass.AUDITY_WRITE,
                token,
                () -> intent.getAsBoolean() ? api.convertLead(token, leadId) : NotSent.outcome());
    }

    public Outcome<List<Project>> listProjects(String token) {
        return gate.call(CallClass.AUDITY_READ, token, () -> api.listProjects(token));
    }

    public Outcome<Project> getProject(String token, String projectId) {
        return gate.call(CallClass.AUDITY_READ, token, () -> api.getProject(token, projectId));
    }

    public Outcome<Project> patchProject(String token, String projectId, ProjectPatch patch) {
        return gate.call(CallClass.AUDITY_WRITE, token, () -> api.patchProject(token, projectId, patch));
    }

    /** The paid analysis trigger; {@code intent} as for {@link #convertLead}. */
    public Outcome<AsyncJob> triggerAuditAnalysis(String token, String projectId, BooleanSupplier intent) {
        return gate.call(
                CallClass.AUDITY_WRITE,
                token,
                () -> intent.getAsBoolean() ? api.triggerAuditAnalysis(token, projectId) : NotSent.outcome());
    }

    public Outcome<AuditAnalysis> latestAuditAnalysis(String token, String projectId) {
        return gate.call(CallClass.AUDITY_READ, token, () -> api.latestAuditAnalysis(token, projectId));
    }

    public Outcome<RawJson> auditAnalysisDocument(String token, String projectId) {
        return gate.call(CallClass.AUDITY_READ, token, () -> api.auditAnalysisDocument(token, projectId));
    }

    public Outcome<RawJson> deliverables(String token, String projectId) {
        return gate.call(CallClass.AUDITY_READ, token, () -> api.deliverables(token, projectId));
    }

    public Outcome<AsyncJob> getJob(String token, String jobId) {
        return gate.call(CallClass.AUDITY_POLL, token, () -> api.getJob(token, jobId));
    }
}
