package com.auditybridge.sim.audity;

import com.auditybridge.sim.Resettable;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the Audity simulator knows, in memory. Accounts are keyed by token digest and created on
 * first use; leads, projects and jobs are global maps whose rows remember their owner, so foreign ids
 * answer 404 like Audity's row-level security.
 */
@Singleton
@Requires(env = SimulatorActivation.ENVIRONMENT)
public class AudityState implements Resettable {
    final Clock clock;
    final AudityConfig config;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    final Map<String, SimLead> leads = new ConcurrentHashMap<>();
    final Map<String, SimProject> projects = new ConcurrentHashMap<>();
    final Map<String, SimJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong jobSequence = new AtomicLong();
    volatile boolean apiDisabled;

    AudityState(Clock clock, AudityConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** The account of a well-formed token, created with its demo leads on first use. */
    public Account account(String token) {
        return accounts.computeIfAbsent(Tokens.digest(token), key -> {
            LeadSeeder.seed(key, clock.instant()).forEach(lead -> leads.put(lead.id, lead));
            return new Account(key, Tokens.prefix(token), config);
        });
    }

    /** The account a job or lead names by its key, when it exists. */
    Optional<Account> accountByKey(String key) {
        return Optional.ofNullable(accounts.get(key));
    }

    List<SimLead> leadsOf(Account account) {
        return leads.values().stream()
                .filter(l -> l.accountKey.equals(account.key))
                .toList();
    }

    Optional<SimLead> lead(Account account, String id) {
        return Optional.ofNullable(leads.get(id)).filter(l -> l.accountKey.equals(account.key));
    }

    Optional<SimProject> project(Account account, String id) {
        return Optional.ofNullable(projects.get(id)).filter(p -> p.accountKey.equals(account.key));
    }

    Optional<SimJob> job(Account account, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.accountKey().equals(account.key));
    }

    List<SimProject> projectsOf(Account account) {
        return projects.values().stream()
                .filter(p -> p.accountKey.equals(account.key))
                .sorted(Comparator.comparing((SimProject p) -> p.updatedAt).reversed())
                .toList();
    }

    long nextJobSequence() {
        return jobSequence.incrementAndGet();
    }

    /** The project's jobs, oldest first. */
    List<SimJob> jobsOf(SimProject project) {
        return jobs.values().stream()
                .filter(j -> j.projectId().equals(project.id))
                .sorted(Comparator.comparingLong(SimJob::sequence))
                .toList();
    }

    boolean hasAuditAnalysis(SimProject project) {
        return latestCompleted(project).isPresent();
    }

    /** The project's job that completed last (by then), which made its latest analysis and its deliverables. */
    Optional<SimJob> latestCompleted(SimProject project) {
        Instant now = clock.instant();
        return jobsOf(project).stream()
                .filter(j -> j.completedBy(now))
                .max(Comparator.comparing(SimJob::finishedAt).thenComparingLong(SimJob::sequence));
    }

    @Override
    public void reset() {
        accounts.clear();
        leads.clear();
        projects.clear();
        jobs.clear();
        apiDisabled = false;
    }
}
