package com.auditybridge.run.steps;

import static com.auditybridge.run.Exit.DONE;

import com.auditybridge.run.Flow;
import com.auditybridge.run.FlowDefinition;
import com.auditybridge.run.FlowGraph;
import com.auditybridge.run.Run;
import com.auditybridge.run.RunInput;
import com.auditybridge.run.RunResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** project-update: one PATCH, validated at intake with Audity's own rules; the result carries the updated project. */
@Singleton
public class ProjectUpdateFlow implements FlowDefinition {
    private final FlowGraph graph = FlowGraph.builder()
            .step(new PatchProjectStep(RunInput::changes))
            .endsOn(DONE)
            .build();

    @Override
    public Flow flow() {
        return Flow.PROJECT_UPDATE;
    }

    @Override
    public FlowGraph graph() {
        return graph;
    }

    @Override
    public Map<String, Object> result(Run run) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(RunResult.PROJECT_ID, run.projectId());
        return result;
    }
}
