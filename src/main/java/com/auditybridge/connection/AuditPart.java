package com.auditybridge.connection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A part of the finished audit that a run can read from Audity once its analysis job completed and carry in its
 * result and final event, as Audity answered it: the latest {@code analysis} ({@code GET
 * /api/projects/{id}/audit-analysis}) and the {@code deliverables} ({@code GET /api/projects/{id}/deliverables}).
 * Read in this order; a callback too large for {@code bridge.callbacks.max-body-bytes} leaves them out in the
 * reverse order, deliverables first.
 */
public enum AuditPart {
    ANALYSIS("analysis"),
    DELIVERABLES("deliverables");

    private final String wireName;

    AuditPart(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AuditPart> fromWire(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }

    /** The wire names, in reading order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(AuditPart::wireName).toList();
    }

    /** The parts named, in reading order, each once; names that are no part are left out. */
    public static List<AuditPart> ordered(Collection<String> names) {
        return Arrays.stream(values()).filter(p -> names.contains(p.wireName)).toList();
    }

    /**
     * What is wrong with a list of part names, one sentence per problem; empty when it is a list of known parts,
     * each named once.
     */
    public static List<String> problems(List<String> names) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            if (name == null || fromWire(name).isEmpty()) {
                problems.add("must list parts of " + wireNames() + "; " + name + " is none");
            }
        }
        if (names.stream().distinct().count() < names.size()) {
            problems.add("must name each part once");
        }
        return problems;
    }

    /**
     * A comma separated list of part names, as an environment variable gives it ({@code BRIDGE_INCLUDE}); blank is
     * none.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static List<AuditPart> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        List<String> names = Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        List<String> problems = problems(names);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("include " + String.join("; ", problems));
        }
        return ordered(names);
    }

    /** The parts as stored: wire names in reading order, comma separated; null for none. */
    public static String joined(List<AuditPart> parts) {
        return parts == null || parts.isEmpty()
                ? null
                : String.join(",", parts.stream().map(AuditPart::wireName).toList());
    }
}
