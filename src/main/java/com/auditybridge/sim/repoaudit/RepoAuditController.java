package com.auditybridge.sim.repoaudit;

import com.auditybridge.sim.Faults;
import com.auditybridge.sim.PaidCall;
import com.auditybridge.sim.PaidCalls;
import com.auditybridge.sim.SimCounters;
import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import com.auditybridge.sim.Timestamps;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Submitting an audit (a paid call): validation, dedup, daily quota and the global concurrency cap, then the
 * audit is created, unless submits are held.
 */
@Controller("/sim/repo-audit/api/demo/audit")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class RepoAuditController {
    private final RepoAuditState state;
    private final RepoAuditConfig config;
    private final SimCounters counters;
    private final Faults faults;
    private final PaidCalls paidCalls;

    RepoAuditController(
            RepoAuditState state, RepoAuditConfig config, SimCounters counters, Faults faults, PaidCalls paidCalls) {
        this.state = state;
        this.config = config;
        this.counters = counters;
        this.faults = faults;
        this.paidCalls = paidCalls;
    }

    @Post
    Mono<MutableHttpResponse<?>> submit(HttpRequest<?> request, @Nullable @Body JsonNode body) {
        JsonNode url = body == null ? null : body.get("repo_url");
        JsonNode consent = body == null ? null : body.get("publish_consent");
        Optional<String> repoUrl = RepoUrls.normalise(url != null && url.isString() ? url.getStringValue() : null);
        if (repoUrl.isEmpty()) {
            return Mono.just(SimResponses.error(
                    HttpStatus.BAD_REQUEST, "repo_url must be a public GitHub URL (https://github.com/owner/repo)"));
        }
        counters.repoAuditSubmit(repoUrl.get());
        if (consent == null || !consent.isBoolean() || !consent.getBooleanValue()) {
            return Mono.just(SimResponses.error(HttpStatus.BAD_REQUEST, "publish_consent must be true"));
        }
        Caller caller = Caller.of(request);
        synchronized (state) {
            return admit(caller, repoUrl.get(), state.clock.instant());
        }
    }

    private Mono<MutableHttpResponse<?>> admit(Caller caller, String repoUrl, Instant now) {
        Optional<SimAudit> done = state.recent(caller, now).stream()
                .filter(a -> a.repoUrl().equals(repoUrl) && a.complete(now))
                .findFirst();
        if (done.isPresent()) {
            return Mono.just(
                    HttpResponse.ok(Map.of("audit_id", done.get().id(), "status", "complete", "deduped", true)));
        }
        int limit = caller.signedIn() ? config.signedInDailyLimit() : config.anonymousDailyLimit();
        List<SimAudit> counted = state.counted(caller, now);
        if (counted.size() >= limit) {
            return Mono.just(SimResponses.error(
                    HttpStatus.TOO_MANY_REQUESTS, "quota exceeded: " + limit + "/" + limit + " today"));
        }
        if (state.inFlight(now) >= config.maxInFlight()) {
            return Mono.just(
                    SimResponses.error(HttpStatus.SERVICE_UNAVAILABLE, "too many audits in flight, try again shortly")
                            .header("Retry-After", "60"));
        }
        return paidCalls.run(PaidCall.submit, repoUrl, Duration.ZERO, () -> commit(caller, repoUrl));
    }

    /** Creates the audit, whose stages start now. */
    private MutableHttpResponse<?> commit(Caller caller, String repoUrl) {
        double failureRate = Math.max(config.failureRate(), faults.settings().jobFailureRate());
        int failAt = faults.roll(failureRate) ? 1 + faults.pick(3) : -1;
        SimAudit audit;
        synchronized (state) {
            audit = new SimAudit(
                    UUID.randomUUID().toString(),
                    repoUrl,
                    caller.key(),
                    caller.userId(),
                    state.clock.instant(),
                    config.stageDuration(),
                    failAt);
            state.audits.put(audit.id(), audit);
        }
        counters.audit(repoUrl);
        return HttpResponse.accepted().body(Map.of("audit_id", audit.id(), "status", "queued"));
    }

    /** Used by the quota answer: the window resets when the oldest counted audit leaves it. */
    static String resetsAt(List<SimAudit> counted, Instant now) {
        Instant oldest =
                counted.isEmpty() ? now : counted.get(counted.size() - 1).createdAt();
        return Timestamps.offset(oldest.plus(RepoAuditConfig.QUOTA_WINDOW));
    }
}
