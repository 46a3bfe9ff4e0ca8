package com.auditybridge.run;

import com.auditybridge.callback.EventTypes;
import java.util.Arrays;
import java.util.Optional;

/** The flows (docs/api.md), by their wire names, each with its final event. */
public enum Flow {
    LEAD_TO_AUDIT("lead-to-audit", EventTypes.AUDIT_COMPLETED),
    PROJECT_ANALYSIS("project-analysis", EventTypes.ANALYSIS_COMPLETED),
    PROJECT_UPDATE("project-update", EventTypes.PROJECT_UPDATED),
    REPO_AUDIT("repo-audit", EventTypes.REPO_AUDIT_COMPLETED);

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
