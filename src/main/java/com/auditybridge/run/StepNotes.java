package com.auditybridge.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a run's steps keep for their own next executions and nobody else reads. Stored with the run's result
 * ({@link RunResult}) but never part of it: the runs API and the events do not show it.
 *
 * @param auditStage the repo audit's stage at the last poll, so that only a change of stage makes a timeline row
 */
@Serdeable
public record StepNotes(@Nullable String auditStage) {
    public static final StepNotes NONE = new StepNotes(null);
}
