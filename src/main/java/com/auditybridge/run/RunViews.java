package com.auditybridge.run;

import jakarta.inject.Singleton;
import java.util.List;

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
                run.result() == null ? null : codec.readMap(run.result()),
                run.error(),
                run.attempts(),
                timeline);
    }
}
