package com.auditybridge.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulators saw, so tests can prove properties such as "converted exactly once". */
@Singleton
@Requires(env = SimulatorActivation.ENVIRONMENT)
public class SimCounters implements Resettable {
    private final ConcurrentMap<String, ConcurrentMap<String, AtomicLong>> calls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> conversions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, List<String>> projectsByLead = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> jobs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> rateLimited = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> repoAuditSubmits = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> audits = new ConcurrentHashMap<>();

    /** @param outcome the HTTP status, or {@code reset} when the connection was closed unanswered */
    public void call(String route, String outcome) {
        increment(calls.computeIfAbsent(route, r -> new ConcurrentHashMap<>()), outcome);
    }

    public void rateLimited(String api) {
        increment(rateLimited, api);
    }

    /** A committed conversion: the lead was charged and became this project. */
    public void conversion(String leadId, String projectId) {
        increment(conversions, leadId);
        projectsByLead
                .computeIfAbsent(leadId, k -> new CopyOnWriteArrayList<>())
                .add(projectId);
    }

    /** A committed async audit trigger: one more analysis job for the project. */
    public void job(String projectId) {
        increment(jobs, projectId);
    }

    public void repoAuditSubmit(String normalisedUrl) {
        increment(repoAuditSubmits, normalisedUrl);
    }

    /** A committed repo-audit submit: one more audit of the repository. */
    public void audit(String normalisedUrl) {
        increment(audits, normalisedUrl);
    }

    public Snapshot snapshot(Map<String, Map<String, Integer>> peaks) {
        Map<String, Map<String, Long>> callView = new TreeMap<>();
        calls.forEach((route, byStatus) -> callView.put(route, view(byStatus)));
        Map<String, List<String>> projects = new TreeMap<>();
        projectsByLead.forEach((lead, ids) -> projects.put(lead, List.copyOf(ids)));
        return new Snapshot(
                callView,
                view(conversions),
                projects,
                view(jobs),
                view(rateLimited),
                peaks,
                view(repoAuditSubmits),
                view(audits));
    }

    @Override
    public void reset() {
        calls.clear();
        conversions.clear();
        projectsByLead.clear();
        jobs.clear();
        rateLimited.clear();
        repoAuditSubmits.clear();
        audits.clear();
    }

    private static void increment(ConcurrentMap<String, AtomicLong> map, String key) {
        map.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static Map<String, Long> view(Map<String, AtomicLong> map) {
        Map<String, Long> view = new TreeMap<>();
        map.forEach((key, count) -> view.put(key, count.get()));
        return view;
    }

    /**
     * @param calls             per route template ({@code "GET /sim/audity/api/projects"}), per status
     * @param conversions       committed (charged) conversions per lead id
     * @param projectsByLead    per lead id, the projects its conversions created, in order
     * @param jobs              per project id, the analysis jobs its committed triggers created
     * @param rateLimited       429s sent per API ({@code audity}, {@code repoAudit})
     * @param peaks             per token prefix, the most calls per class seen in any 60-s window
     * @param repoAuditSubmits  submits received per normalised repository URL
     * @param audits            per normalised repository URL, the repo audits its committed submits created
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Snapshot(
            Map<String, Map<String, Long>> calls,
            Map<String, Long> conversions,
            Map<String, List<String>> projectsByLead,
            Map<String, Long> jobs,
            Map<String, Long> rateLimited,
            Map<String, Map<String, Integer>> peaks,
            Map<String, Long> repoAuditSubmits,
            Map<String, Long> audits) {}
}
