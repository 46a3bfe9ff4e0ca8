package com.auditybridge.run;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Builds what the API shows of a run: its state, its parsed input and result, and its timeline. */
@Singleton
public class RunViews {
    private final RunStore store;
    private final RunInputCodec codec;

    public RunViews(RunStore store, RunInputCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    public RunView full(Run run) {
        return view(run, store.timeline(run.id()));
    }

    public RunView summary(Run run) {
        return view(run, null);
    }

    /** The result's documented fields; none (null) while the run has learned none. */
    private Map<String, Object> shownResult(Run run) {
        Map<String, Object> shown = codec.readResult(run.result()).shown();
        return shown.isEmpty() ? null : shown;
    }

    private RunView view(Run run, List<TimelineEntry> timeline) {
        return new RunView(
                run.id(),
                run.flow().wireName(),
                run.status().wireName(),
                run.step(),
                run.createdAt(),
                run.updatedAt(),
                run.finishedAt(),
                codec.readMap(run.input()),
                shownResult(run),
                run.error(),
                run.attempts(),
                timeline);
    }
}
