package com.auditybridge.run;

import com.auditybridge.upstream.RawJson;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds what the API shows of a run: its state, its parsed input and result, and its timeline. A run that asked for
 * parts of its finished audit shows which it has ({@link ResultParts}); only the run itself and its result show the
 * documents, never a listing.
 */
@Singleton
public class RunViews {
    private final RunStore store;
    private final RunParts parts;
    private final RunInputCodec codec;
    private final JsonMapper json;

    public RunViews(RunStore store, RunParts parts, RunInputCodec codec, JsonMapper json) {
        this.store = store;
        this.parts = parts;
        this.codec = codec;
        this.json = json;
    }

    /** The run with its timeline and its whole result, the documents shown as JSON values. */
    public RunView full(Run run) {
        Map<String, Object> result = result(run, parts.of(run.id()), true);
        result.replaceAll((name, value) -> value instanceof RawJson document ? document.parsed(json) : value);
        return view(run, result, store.timeline(run.id()));
    }

    /** Runs as a listing shows them: without timelines, and of their parts only which exist. */
    public List<RunView> listed(List<Run> runs) {
        Map<String, List<StoredPart>> listed =
                parts.listed(runs.stream().map(Run::id).toList());
        return runs.stream()
                .map(run -> view(run, result(run, listed.getOrDefault(run.id(), List.of()), false), null))
                .toList();
    }

    /**
     * The run's whole result as {@code GET /v1/runs/{id}/result} serves it: JSON text in which each document is
     * written exactly as Audity answered it ({@code {}} while the run has learned nothing).
     */
    public String resultText(Run run) {
        return RawJson.write(json, result(run, parts.of(run.id()), true));
    }

    /** The result's documented fields and what the run has of its parts. */
    private Map<String, Object> result(Run run, List<StoredPart> stored, boolean documents) {
        Map<String, Object> result =
                new LinkedHashMap<>(codec.readResult(run.result()).shown());
        ResultParts.forResult(result, run, codec.read(run.input()), stored, documents);
        return result;
    }

    private RunView view(Run run, Map<String, Object> result, List<TimelineEntry> timeline) {
        return new RunView(
                run.id(),
                run.flow().wireName(),
                run.status().wireName(),
                run.step(),
                run.createdAt(),
                run.updatedAt(),
                run.finishedAt(),
                codec.readMap(run.input()),
                // None (null) while the run has learned nothing.
                result.isEmpty() ? null : result,
                run.error(),
                run.attempts(),
                timeline);
    }
}
