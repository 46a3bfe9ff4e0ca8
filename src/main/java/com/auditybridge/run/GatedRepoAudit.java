package com.auditybridge.run;

import com.auditybridge.repoaudit.AuditStatus;
import com.auditybridge.repoaudit.AuditSubmission;
import com.auditybridge.repoaudit.RepoAuditApi;
import com.auditybridge.upstream.CallClass;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamGate;
import jakarta.inject.Singleton;

/** The repo-audit calls the flows make, through the gate. Anonymous callers share one lane. */
@Singleton
public class GatedRepoAudit {
    private final RepoAuditApi api;
    private final UpstreamGate gate;

    public GatedRepoAudit(RepoAuditApi api, UpstreamGate gate) {
        this.api = api;
        this.gate = gate;
    }

    public Outcome<AuditSubmission> submit(String token, String repoUrl) {
        return gate.call(CallClass.REPO_SUBMIT, token, () -> api.submit(token, repoUrl, true));
    }

    public Outcome<AuditStatus> status(String token, String auditId) {
        return gate.call(CallClass.REPO_STATUS, token, () -> api.status(auditId));
    }
}
