package com.auditybridge.sim.repoaudit;

import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import com.auditybridge.sim.Timestamps;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Status, quota, history and delete of repo audits. */
@Controller("/sim/repo-audit/api/demo/audit")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class AuditReadsController {
    private final RepoAuditState state;
    private final RepoAuditConfig config;

    AuditReadsController(RepoAuditState state, RepoAuditConfig config) {
        this.state = state;
        this.config = config;
    }

    @Get("/{id}")
    HttpResponse<?> status(String id) {
        SimAudit audit = state.audits.get(id);
        if (audit == null) {
            return SimResponses.error(HttpStatus.NOT_FOUND, "audit not found");
        }
        return HttpResponse.ok(AuditView.of(audit, state.clock.instant())).header("Cache-Control", "no-store");
    }

    @Get("/quota")
    Map<String, Object> quota(HttpRequest<?> request) {
        Caller caller = Caller.of(request);
        Instant now = state.clock.instant();
        List<SimAudit> counted = state.counted(caller, now);
        int limit = caller.signedIn() ? config.signedInDailyLimit() : config.anonymousDailyLimit();
        return Map.of("limit", limit, "used", counted.size(), "resets_at", RepoAuditController.resetsAt(counted, now));
    }

    @Get("/history")
    HttpResponse<?> history(HttpRequest<?> request) {
        Caller caller = Caller.of(request);
        if (!caller.signedIn()) {
            return SimResponses.error(HttpStatus.UNAUTHORIZED, "sign-in required");
        }
        Instant now = state.clock.instant();
        return HttpResponse.ok(state.history(caller.userId()).stream()
                .map(a -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("audit_id", a.id());
                    row.put("repo_url", a.repoUrl());
                    row.put("status", a.status(now));
                    row.put("entity_id", a.complete(now) ? RepoUrls.entityId(a.repoUrl()) : null);
                    row.put("created_at", Timestamps.offset(a.createdAt()));
                    return row;
                })
                .toList());
    }

    @Delete("/{id}")
    HttpResponse<?> delete(HttpRequest<?> request, String id) {
        Caller caller = Caller.of(request);
        if (!caller.signedIn()) {
            return SimResponses.error(HttpStatus.UNAUTHORIZED, "sign-in required");
        }
        SimAudit audit = state.audits.get(id);
        if (audit == null) {
            return SimResponses.error(HttpStatus.NOT_FOUND, "audit not found");
        }
        if (!caller.userId().equals(audit.userId())) {
            return SimResponses.error(HttpStatus.FORBIDDEN, "audit belongs to a different user");
        }
        state.audits.remove(id);
        return HttpResponse.ok(Map.of("deleted", true));
    }
}
