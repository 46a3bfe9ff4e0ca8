package com.auditybridge.repoaudit;

import com.auditybridge.upstream.CallClass;
import com.auditybridge.upstream.NotSent;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamGate;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The repo-audit calls the flows make, through the gate. Anonymous callers share one lane. */
@Singleton
public class GatedRepoAudit {
    private final RepoAuditApi api;
    private final UpstreamGate gate;

    public GatedRepoAudit(RepoAuditApi api, UpstreamGate gate) {
        this.api = api;
        this.gate = gate;
    }

    /** The paid submit; {@code intent} as for the Audity convert (GatedAudity.convertLead). */
    public Outcome<AuditSubmission> submit(String token, String repoUrl, BooleanSupplier intent) {
        return gate.call(
                CallClass.REPO_SUBMIT,
                token,
                () -> intent.getAsBoolean() ? api.submit(token, repoUrl, true) : NotSent.outcome());
    }

    /** The signed-in caller's audits, newest first; its own budget upstream (30/min) is far above what looks use. */
    public Outcome<List<AuditSummary>> history(String token) {
        return gate.call(CallClass.REPO_STATUS, token, () -> api.history(token));
    }

    public Outcome<AuditStatus> status(String token, String auditId) {
        return gate.call(CallClass.REPO_STATUS, token, () -> api.status(auditId));
    }
}
