package com.auditybridge.sim.repoaudit;

import com.auditybridge.sim.Resettable;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** All repo audits in memory, with the queries the quota, dedup and concurrency rules need. */
@Singleton
@Requires(env = SimulatorActivation.ENVIRONMENT)
class RepoAuditState implements Resettable {
    final Clock clock;
    final Map<String, SimAudit> audits = new ConcurrentHashMap<>();

    RepoAuditState(Clock clock) {
        this.clock = clock;
    }

    /** Audits of the caller in the rolling quota window, newest first. */
    List<SimAudit> recent(Caller caller, Instant now) {
        Instant since = now.minus(RepoAuditConfig.QUOTA_WINDOW);
        return audits.values().stream()
                .filter(a -> a.callerKey().equals(caller.key()))
                .filter(a -> a.createdAt().isAfter(since))
                .sorted(Comparator.comparing(SimAudit::createdAt).reversed())
                .toList();
    }

    /** Failed audits do not count against the quota. */
    List<SimAudit> counted(Caller caller, Instant now) {
        return recent(caller, now).stream().filter(a -> !a.failed(now)).toList();
    }

    long inFlight(Instant now) {
        return audits.values().stream().filter(a -> a.inFlight(now)).count();
    }

    List<SimAudit> history(String userId) {
        return audits.values().stream()
                .filter(a -> userId.equals(a.userId()))
                .sorted(Comparator.comparing(SimAudit::createdAt).reversed())
                .limit(200)
                .toList();
    }

    @Override
    public void reset() {
        audits.clear();
    }
}
