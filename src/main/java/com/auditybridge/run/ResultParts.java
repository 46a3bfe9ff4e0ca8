package com.auditybridge.run;

import com.auditybridge.connection.AuditPart;
import com.auditybridge.upstream.RawJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's result and final event say of the parts of the finished audit it asked for ({@link RunInput#parts}),
 * in one place: the documents under their part names ({@code analysis}, {@code deliverables}) exactly as Audity
 * answered them, {@code missing} ({@code [{part, code, message}]}) for a part whose read failed, the link
 * {@code resultUrl} that serves the whole result, and in the runs API {@code parts} (the parts kept) and
 * {@code refreshing} (parts a refresh is still to read). A run that asked for none shows none of these.
 */
final class ResultParts {
    static final String PARTS = "parts";
    static final String MISSING = "missing";
    static final String REFRESHING = "refreshing";
    static final String RESULT_URL = "resultUrl";

    private ResultParts() {}

    /** Where {@code GET /v1/runs/{id}/result} serves the run's whole result. */
    static String url(String runId) {
        return "/v1/runs/" + runId + "/result";
    }

    /** The members the final event carries besides the documents: {@code missing} and {@code resultUrl}. */
    static void forEvent(Map<String, Object> data, Run run, RunInput input, List<StoredPart> parts) {
        if (input.parts().isEmpty()) {
            return;
        }
        List<Map<String, Object>> missing = missing(parts);
        if (!missing.isEmpty()) {
            data.put(MISSING, missing);
        }
        data.put(RESULT_URL, url(run.id()));
    }

    /**
     * The members the runs API shows in a result: {@code parts}, {@code missing}, {@code refreshing},
     * {@code resultUrl}, and with {@code documents} each kept document under its part's name (raw, for the caller to
     * write as it needs).
     */
    static void forResult(
            Map<String, Object> result, Run run, RunInput input, List<StoredPart> parts, boolean documents) {
        if (input.parts().isEmpty()) {
            return;
        }
        result.put(
                PARTS,
                parts.stream()
                        .filter(StoredPart::read)
                        .map(p -> p.part().wireName())
                        .toList());
        if (documents) {
            documents(parts).forEach(result::put);
        }
        List<Map<String, Object>> missing = missing(parts);
        if (!missing.isEmpty()) {
            result.put(MISSING, missing);
        }
        List<String> refreshing = parts.stream()
                .filter(StoredPart::refreshing)
                .map(p -> p.part().wireName())
                .toList();
        if (!refreshing.isEmpty()) {
            result.put(REFRESHING, refreshing);
        }
        result.put(RESULT_URL, url(run.id()));
    }

    /** The documents kept, in reading order: the order a too large callback keeps them in. */
    static Map<String, RawJson> documents(List<StoredPart> parts) {
        Map<String, RawJson> documents = new LinkedHashMap<>();
        parts.stream()
                .filter(p -> p.document() != null)
                .forEach(p -> documents.put(p.part().wireName(), p.document()));
        return documents;
    }

    /** What a refresh reads: the parts the run asked for that have no document, or all it asked for when none lacks one. */
    static List<AuditPart> toRefresh(RunInput input, List<StoredPart> parts) {
        List<AuditPart> missing = input.parts().stream()
                .filter(part -> parts.stream().noneMatch(p -> p.part() == part && p.read()))
                .toList();
        return missing.isEmpty() ? input.parts() : missing;
    }

    private static List<Map<String, Object>> missing(List<StoredPart> parts) {
        return parts.stream()
                .filter(p -> !p.read() && p.missingCode() != null)
                .map(p -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("part", p.part().wireName());
                    entry.put("code", p.missingCode());
                    entry.put("message", p.missingMessage());
                    return entry;
                })
                .toList();
    }
}
