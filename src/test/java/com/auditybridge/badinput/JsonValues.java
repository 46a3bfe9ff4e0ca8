package com.auditybridge.badinput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik arbitraries of JSON: any value, and the four hooks' valid bodies with a few fields changed or gone. */
public final class JsonValues {
    public static final String PROJECT_ID = "6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b";
    /** Every field name a hook knows, nested ones too, and a few it does not. */
    private static final List<String> FIELDS = List.of(
            "leadId",
            "projectId",
            "project",
            "changes",
            "analysis",
            "repoUrl",
            "publishConsent",
            "callbackUrl",
            "metadata",
            "notify",
            "clientName",
            "industry",
            "companySize",
            "description",
            "currency",
            "status",
            "",
            "id");

    private JsonValues() {}

    public static Map<String, Object> validBody(String hook) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (hook) {
            case "lead-arrived" -> body.put("leadId", "lead-1");
            case "analysis-requested" -> body.put("projectId", PROJECT_ID);
            case "project-update" -> {
                body.put("projectId", PROJECT_ID);
                body.put("changes", new LinkedHashMap<>(Map.of("industry", "Retail")));
            }
            default -> {
                body.put("repoUrl", "https://github.com/o/r");
                body.put("publishConsent", true);
            }
        }
        return body;
    }

    public static Arbitrary<String> hooks() {
        return Arbitraries.of("lead-arrived", "analysis-requested", "project-update", "repo-audit-requested");
    }

    /** A hook's valid body after one to four changes: a field set to any JSON value, or removed, at the top or one level down. */
    public static Arbitrary<Map<String, Object>> mutatedBody(String hook) {
        Arbitrary<Mutation> mutation = Combinators.combine(
                        Arbitraries.of(FIELDS),
                        Arbitraries.of(true, false),
                        value(3).injectNull(0.1),
                        Arbitraries.integers().between(0, 9))
                .as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(4).map(changes -> {
            Map<String, Object> body = validBody(hook);
            changes.forEach(change -> change.applyTo(body));
            return body;
        });
    }

    /** Any JSON value, nested at most {@code depth} levels, with strings a hook might half-expect. */
    public static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
                Arbitraries.strings().all().ofMaxLength(12).map(Object.class::cast),
                Arbitraries.of(
                                "async",
                                "none",
                                "run.failed",
                                PROJECT_ID,
                                "https://93.184.216.34/hook",
                                "http://127.0.0.1/x",
                                "javascript:alert(1)",
                                "https://github.com/o/r",
                                "USD",
                                "",
                                " ",
                                "d".repeat(5001))
                        .map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> list =
                value(depth - 1).injectNull(0.05).list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
        Arbitrary<Object> map = Arbitraries.maps(
                        Arbitraries.oneOf(
                                Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(8)),
                        value(depth - 1).injectNull(0.05))
                .ofMaxSize(4)
                .map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, leaf), net.jqwik.api.Tuple.of(1, list), net.jqwik.api.Tuple.of(2, map));
    }

    /** Sets (or removes) {@code field}; when {@code nested} and a child object is there, inside that child instead. */
    private record Mutation(String field, boolean nested, Object value, int dice) {
        @SuppressWarnings("unchecked")
        void applyTo(Map<String, Object> body) {
            Map<String, Object> target = body;
            if (nested) {
                Object child = body.computeIfAbsent(dice % 2 == 0 ? "project" : "changes", k -> new LinkedHashMap<>());
                if (child instanceof Map<?, ?> map) {
                    target = (Map<String, Object>) map;
                }
            }
            if (dice == 0) {
                target.remove(field);
            } else {
                target.put(field, value);
            }
        }
    }
}
