package com.auditybridge.audity;

import static com.auditybridge.upstream.UpstreamHttp.path;

import com.auditybridge.upstream.ErrorRule;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.RawJson;
import com.auditybridge.upstream.Shape;
import com.auditybridge.upstream.UpstreamErrorKind;
import com.auditybridge.upstream.UpstreamHttp;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * {@link AudityApi} over HTTP, with each endpoint's documented wrapper (such as {@code data}; see
 * schemas/audity-openapi.yaml) unwrapped.
 */
@Singleton
public class HttpAudityApi implements AudityApi, AutoCloseable {

    static final String PRODUCTION = "https://app.auditynow.com";

    // Audity documents that re-calling convert for a converted lead returns 400, and convert has no other 400 to give.
    private static final ErrorRule CONVERT =
            (status, body) -> status == 400 ? UpstreamErrorKind.ALREADY_CONVERTED : null;

    private final UpstreamHttp http;

    public HttpAudityApi(AudityConfig config, JsonMapper json, Clock clock) {
        this.http = new UpstreamHttp(config, PRODUCTION, json, clock);
    }

    @Override
    public Outcome<LeadPage> listLeads(String token, LeadQuery query) {
        return get(token, LeadListUri.of(query), Shape.bare(LeadPage.class));
    }

    @Override
    public Outcome<Lead> getLead(String token, String leadId) {
        return get(token, path("/api/lead-generation/leads/{id}", leadId), Shape.in("lead", Lead.class));
    }

    @Override
    public Outcome<ConvertResult> convertLead(String token, String leadId) {
        return http.call(
                HttpMethod.POST,
                path("/api/lead-generation/leads/{id}/convert", leadId),
                token,
                null,
                Shape.in("data", ConvertResult.class),
                CONVERT);
    }

    @Override
    public Outcome<List<Project>> listProjects(String token) {
        return get(token, "/api/projects", Shape.bare(Argument.listOf(Project.class)));
    }

    @Override
    public Outcome<Project> getProject(String token, String projectId) {
        return get(token, path("/api/projects/{id}", projectId), Shape.bare(Project.class));
    }

    @Override
    public Outcome<Project> patchProject(String token, String projectId, ProjectPatch patch) {
        return http.call(
                HttpMethod.PATCH,
                path("/api/projects/{id}", projectId),
                token,
                patch,
                Shape.bare(Project.class),
                ErrorRule.NONE);
    }

    @Override
    public Outcome<AsyncJob> triggerAuditAnalysis(String token, String projectId) {
        return http.call(
                HttpMethod.POST,
                path("/api/agent/projects/{id}/audit-analysis/async", projectId),
                token,
                null,
                Shape.in("data", AsyncJob.class),
                ErrorRule.NONE);
    }

    @Override
    public Outcome<AuditAnalysis> latestAuditAnalysis(String token, String projectId) {
        return get(token, path("/api/projects/{id}/audit-analysis", projectId), Shape.bare(AuditAnalysis.class));
    }

    @Override
    public Outcome<RawJson> auditAnalysisDocument(String token, String projectId) {
        return get(token, path("/api/projects/{id}/audit-analysis", projectId), Shape.raw(null));
    }

    @Override
    public Outcome<RawJson> deliverables(String token, String projectId) {
        return get(token, path("/api/projects/{id}/deliverables", projectId), Shape.raw("data"));
    }

    @Override
    public Outcome<AsyncJob> getJob(String token, String jobId) {
        return get(token, path("/api/agent/jobs/{id}", jobId), Shape.in("data", AsyncJob.class));
    }

    @Override
    public Outcome<CurrentUser> currentUser(String token) {
        return get(token, "/api/user/current", Shape.bare(CurrentUser.class));
    }

    @Override
    public Outcome<Tier> tier(String token) {
        return get(token, "/api/user/tier", Shape.bare(Tier.class));
    }

    @Override
    public Outcome<Credits> credits(String token) {
        return get(token, "/api/user/credits", Shape.bare(Credits.class));
    }

    private <T> Outcome<T> get(String token, String uri, Shape<T> shape) {
        return http.call(HttpMethod.GET, uri, token, null, shape, ErrorRule.NONE);
    }

    @PreDestroy
    @Override
    public void close() {
        http.close();
    }
}
