package com.auditybridge.run.steps;

import com.auditybridge.audity.Project;
import com.auditybridge.audity.ProjectPatch;
import com.auditybridge.run.Decisions;
import com.auditybridge.run.Exit;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunInput;
import com.auditybridge.run.RunResult;
import com.auditybridge.run.Step;
import com.auditybridge.run.StepContext;
import com.auditybridge.run.Transition;
import com.auditybridge.upstream.Outcome;
import java.util.function.Function;

/** PATCH the project with the fields the hook carried; safe to repeat, so plain retries apply. */
public final class PatchProjectStep implements Step<Project> {
    private final Function<RunInput, ProjectPatch> fields;

    public PatchProjectStep(Function<RunInput, ProjectPatch> fields) {
        this.fields = fields;
    }

    @Override
    public String name() {
        return StepNames.PATCH;
    }

    @Override
    public Outcome<Project> call(Run run, StepContext context) {
        return context.audity()
                .patchProject(context.connection().audityToken(), run.projectId(), fields.apply(context.input()));
    }

    @Override
    public Transition decide(Run run, Outcome<Project> outcome, Decisions decisions) {
        if (!outcome.isSuccess()) {
            return Transition.fail(outcome.error());
        }
        Project project = outcome.value();
        return Transition.exit(Exit.DONE, decisions.now(), "patched", "project " + project.id() + " updated")
                .withResult(RunResult.PROJECT, project);
    }
}
