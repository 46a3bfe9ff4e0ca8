package com.auditybridge.clients;

import com.auditybridge.audity.AudityApi;
import com.auditybridge.audity.LeadQuery;
import com.auditybridge.repoaudit.RepoAuditApi;
import com.auditybridge.sim.SimTestBase;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import java.util.Map;

/** The real client beans against the embedded simulators. */
public abstract class ClientSimTestBase extends SimTestBase {
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

    @Inject
    AudityApi audity;

    @Inject
    RepoAuditApi repoAudit;

    void project(String id, Map<String, Object> update) {
        assert admin(HttpRequest.PUT("/sim/admin/audity/projects/" + id, update))
                        .status()
                == 200;
    }

    String unconvertedLead() {
        return audity.listLeads(TOKEN, LeadQuery.activeByScore(50)).value().data().stream()
                .filter(lead -> "completed".equals(lead.surveyStatus()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    String convertedProjectId() {
        return audity.convertLead(TOKEN, unconvertedLead()).value().auditId();
    }

    /** A converted project once its interview analysis exists: the clock driven past the simulator's delay. */
    String analysedProjectId() {
        String id = convertedProjectId();
        clock.advance(INTERVIEW_ANALYSIS_DELAY);
        return id;
    }
}
