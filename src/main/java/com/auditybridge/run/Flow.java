package com.auditybridge.run;

import java.util.Arrays;
import java.util.Optional;

/** The flows (docs/api.md), by their wire names, each with its final event. */
public enum Flow {
    LEAD_TO_AUDIT("lead-to-audit", "audit.completed"),
    PROJECT_ANALYSIS("project-analysis", "analysis.completed"),
    PROJECT_UPDATE("project-update", "project.updated"),
    REPO_AUDIT("repo-audit", "repo_audit.completed");

    private final String wireName;
    private final String completedEvent;

    Flow(String wireName, String completedEvent) {
        this.wireName = wireName;
        this.completedEvent = completedEvent;
    }

    public String wireName() {
        return wireName;
    }

    public String completedEvent() {
        return completedEvent;
    }

    public static Optional<Flow> fromWire(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
