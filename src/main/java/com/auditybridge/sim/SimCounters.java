package com.auditybridge.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulators saw, so tests can prove properties such as "converted exactly once". */
@Singleton
@Requires(env = SimulatorActivation.ENVIRONMENT)
public class SimCounters implements Resettable {
    private final ConcurrentMap<String, ConcurrentMap<String, AtomicLong>> calls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> conversions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> rateLimited = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> repoAuditSubmits = new ConcurrentHashMap<>();

    /** @param outcome the HTTP status, or {@code reset} when the connection was closed unanswered */
    public void call(String route, String outcome) {
        increment(calls.computeIfAbsent(route, r -> new ConcurrentHashMap<>()), outcome);
    }

    public void rateLimited(String api) {
        increment(rateLimited, api);
    }

    public void conversion(String leadId) {
        increment(conversions, leadId);
    }

    public void repoAuditSubmit(String normalisedUrl) {
        increment(repoAuditSubmits, normalisedUrl);
    }

    public Snapshot snapshot(Map<String, Map<String, Integer>> peaks) {
        Map<String, Map<String, Long>> callView = new TreeMap<>();
        calls.forEach((route, byStatus) -> callView.put(route, view(byStatus)));
        return new Snapshot(callView, view(conversions), view(rateLimited), peaks, view(repoAuditSubmits));
    }

    @Override
    public void reset() {
        calls.clear();
        conversions.clear();
        rateLimited.clear();
        repoAuditSubmits.clear();
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
     * @param conversions       successful conversions per lead id
     * @param rateLimited       429s sent per API ({@code audity}, {@code repoAudit})
     * @param peaks             per token prefix, the most calls per class seen in any 60-s window
     * @param repoAuditSubmits  submits received per normalised repository URL
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Snapshot(Map<String, Map<String, Long>> calls, Map<String, Long> conversions,
                           Map<String, Long> rateLimited, Map<String, Map<String, Integer>> peaks,
                           Map<String, Long> repoAuditSubmits) {
    }
}
