package com.auditybridge.run.steps;

import com.auditybridge.run.Flow;
import com.auditybridge.run.FlowDefinition;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunInput;
import com.auditybridge.run.Step;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** One PATCH, validated at intake with Audity's own rules; the result carries the updated project. */
@Singleton
public class ProjectUpdateFlow implements FlowDefinition {
    private final PatchProjectStep patch = new PatchProjectStep(RunInput::changes);

    @Override
    public Flow flow() {
        return Flow.PROJECT_UPDATE;
    }

    @Override
    public String firstStep(RunInput input) {
        return PatchProjectStep.NAME;
    }

    @Override
    public Step<?> step(Run run) {
        return patch;
    }

    @Override
    public Map<String, Object> result(Run run) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("projectId", run.projectId());
        return result;
    }
}
