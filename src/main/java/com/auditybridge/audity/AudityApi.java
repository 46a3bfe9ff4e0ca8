package com.auditybridge.audity;

import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.RawJson;
import java.util.List;

/**
 * The Audity agent API as the bridge uses it: one method per endpoint, each taking the caller's
 * personal access token. Implementations never retry, wait or rate-limit: those policies decorate
 * the calls from outside.
 */
public interface AudityApi {

    /** {@code GET /api/lead-generation/leads}: {@code {data, pagination, filters}}. */
    Outcome<LeadPage> listLeads(String token, LeadQuery query);

    /** {@code GET /api/lead-generation/leads/{id}}: {@code {lead}}. */
    Outcome<Lead> getLead(String token, String leadId);

    /** {@code POST /api/lead-generation/leads/{id}/convert}: non-idempotent, 1,000 credits. */
    Outcome<ConvertResult> convertLead(String token, String leadId);

    /** {@code GET /api/projects}: a bare array. */
    Outcome<List<Project>> listProjects(String token);

    /** {@code GET /api/projects/{id}}: the bare detail object. */
    Outcome<Project> getProject(String token, String projectId);

    /** {@code PATCH /api/projects/{id}}: the bare updated project. */
    Outcome<Project> patchProject(String token, String projectId, ProjectPatch patch);

    /** {@code POST /api/agent/projects/{id}/audit-analysis/async}: 202 {@code {data}}. */
    Outcome<AsyncJob> triggerAuditAnalysis(String token, String projectId);

    /** {@code GET /api/projects/{id}/audit-analysis}: the latest analysis, bare (shape inferred). */
    Outcome<AuditAnalysis> latestAuditAnalysis(String token, String projectId);

    /**
     * {@code GET /api/projects/{id}/audit-analysis} again, the whole answer as Audity wrote it: the document a caller
     * asked for (its inner shape is not published).
     */
    Outcome<RawJson> auditAnalysisDocument(String token, String projectId);

    /**
     * {@code GET /api/projects/{id}/deliverables}: {@code {success, data}}, the {@code data} as Audity wrote it
     * (executive summary, opportunity matrix, risk assessment, stakeholder memos; the inner shape is not published).
     */
    Outcome<RawJson> deliverables(String token, String projectId);

    /** {@code GET /api/agent/jobs/{id}}: {@code {data}}. */
    Outcome<AsyncJob> getJob(String token, String jobId);

    /** {@code GET /api/user/current}: bare. */
    Outcome<CurrentUser> currentUser(String token);

    /** {@code GET /api/user/tier}: bare. */
    Outcome<Tier> tier(String token);

    /** {@code GET /api/user/credits}: bare. */
    Outcome<Credits> credits(String token);
}
