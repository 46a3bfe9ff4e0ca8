package com.auditybridge.repoaudit;

import static com.auditybridge.upstream.UpstreamHttp.path;

import com.auditybridge.upstream.ErrorRule;
import com.auditybridge.upstream.Outcome;
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
import java.util.Locale;

/** {@link RepoAuditApi} over HTTP; every answer is bare JSON. */
@Singleton
public class HttpRepoAuditApi implements RepoAuditApi, AutoCloseable {

    static final String PRODUCTION = "https://bensevern.dev";

    // "quota exceeded: 5/5 today" is a 429 that no Retry-After cures: the window is a rolling 24 hours.
    static final ErrorRule DAILY_QUOTA = (status, body) -> status == 429
                    && body.message() != null
                    && body.message().toLowerCase(Locale.ROOT).contains("quota exceeded")
            ? UpstreamErrorKind.QUOTA_EXCEEDED
            : null;

    private final UpstreamHttp http;

    public HttpRepoAuditApi(RepoAuditConfig config, JsonMapper json, Clock clock) {
        this.http = new UpstreamHttp(config, PRODUCTION, json, clock);
    }

    @Override
    public Outcome<AuditSubmission> submit(String token, String repoUrl, boolean publishConsent) {
        return call(
                HttpMethod.POST,
                "/api/demo/audit",
                token,
                new SubmitRequest(repoUrl, publishConsent),
                Shape.bare(AuditSubmission.class));
    }

    @Override
    public Outcome<AuditStatus> status(String auditId) {
        return call(HttpMethod.GET, path("/api/demo/audit/{id}", auditId), null, null, Shape.bare(AuditStatus.class));
    }

    @Override
    public Outcome<Quota> quota(String token) {
        return call(HttpMethod.GET, "/api/demo/audit/quota", token, null, Shape.bare(Quota.class));
    }

    @Override
    public Outcome<List<AuditSummary>> history(String token) {
        return call(
                HttpMethod.GET,
                "/api/demo/audit/history",
                token,
                null,
                Shape.bare(Argument.listOf(AuditSummary.class)));
    }

    @Override
    public Outcome<Boolean> delete(String token, String auditId) {
        return call(
                HttpMethod.DELETE,
                path("/api/demo/audit/{id}", auditId),
                token,
                null,
                Shape.in("deleted", Boolean.class));
    }

    private <T> Outcome<T> call(HttpMethod method, String uri, String token, Object body, Shape<T> shape) {
        return http.call(method, uri, token, body, shape, DAILY_QUOTA);
    }

    @PreDestroy
    @Override
    public void close() {
        http.close();
    }
}
