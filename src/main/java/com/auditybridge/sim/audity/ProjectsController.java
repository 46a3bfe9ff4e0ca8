package com.auditybridge.sim.audity;

import com.auditybridge.sim.SimResponses;
import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.json.tree.JsonNode;
import java.util.List;

/** Projects: bare array, bare detail, and the allowlisted PATCH. */
@Controller("/sim/audity/api/projects")
@Requires(env = SimulatorActivation.ENVIRONMENT)
class ProjectsController {
    private final AudityState state;

    ProjectsController(AudityState state) {
        this.state = state;
    }

    @Get
    List<ProjectView> list(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account) {
        return state.projectsOf(account).stream()
                .map(p -> ProjectView.of(p, state))
                .toList();
    }

    @Get("/{id}")
    HttpResponse<?> detail(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id) {
        return state.project(account, id)
                .<HttpResponse<?>>map(p -> HttpResponse.ok(ProjectView.of(p, state)))
                .orElseGet(ProjectsController::notFound);
    }

    @Patch("/{id}")
    HttpResponse<?> patch(@RequestAttribute(AudityGateFilter.ACCOUNT) Account account, String id, @Body JsonNode body) {
        var found = state.project(account, id);
        if (found.isEmpty()) {
            return notFound();
        }
        SimProject project = found.get();
        var problem = ProjectPatch.problem(body);
        if (problem.isPresent()) {
            return problem.get();
        }
        synchronized (project) {
            ProjectPatch.apply(body, project);
            project.updatedAt = state.clock.instant();
        }
        return HttpResponse.ok(ProjectView.of(project, state));
    }

    static MutableHttpResponse<?> notFound() {
        return SimResponses.error(HttpStatus.NOT_FOUND, "Project not found");
    }
}
