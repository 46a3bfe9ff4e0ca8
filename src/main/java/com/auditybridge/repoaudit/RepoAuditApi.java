package com.auditybridge.repoaudit;

import com.auditybridge.upstream.Outcome;
import java.util.List;

/**
 * The repo-audit API under {@code /api/demo/}. {@code token} is optional (null: anonymous, keyed by
 * the caller's IP upstream). No retries or waits here: policies decorate these calls.
 */
public interface RepoAuditApi {

    /** {@code POST /api/demo/audit}: 202 queued, or 200 deduped with a complete audit. */
    Outcome<AuditSubmission> submit(String token, String repoUrl, boolean publishConsent);

    /** {@code GET /api/demo/audit/{id}}. */
    Outcome<AuditStatus> status(String auditId);

    /** {@code GET /api/demo/audit/quota} (path inferred). */
    Outcome<Quota> quota(String token);

    /** {@code GET /api/demo/audit/history} (path inferred); signed-in callers only. */
    Outcome<List<AuditSummary>> history(String token);

    /** {@code DELETE /api/demo/audit/{id}} (path inferred); the original submitter only. */
    Outcome<Boolean> delete(String token, String auditId);
}
