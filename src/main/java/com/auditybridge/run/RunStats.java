package com.auditybridge.run;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's runs created within a window, counted by the status each is in now ({@code GET /v1/runs/stats}).
 *
 * @param from      the window's start
 * @param to        its end: now
 * @param interval  the length of each interval, an ISO-8601 duration
 * @param total     runs created in the window
 * @param counts    of those, how many are in each status (every status, 0 included)
 * @param intervals the window cut into equal intervals, oldest first
 */
@Serdeable
public record RunStats(
        Instant from, Instant to, String interval, int total, Map<String, Integer> counts, List<Interval> intervals) {

    /** @param counts runs created from {@code from} until {@code to}, by the status each is in now */
    @Serdeable
    public record Interval(Instant from, Instant to, Map<String, Integer> counts) {}

    /** Every status by its wire name, in the order of {@link RunStatus}, with 0 for those not counted. */
    static Map<String, Integer> byWireName(Map<RunStatus, Integer> counted) {
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (RunStatus status : RunStatus.values()) {
            shown.put(status.wireName(), counted.getOrDefault(status, 0));
        }
        return shown;
    }
}
