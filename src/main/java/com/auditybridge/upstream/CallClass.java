package com.auditybridge.upstream;

/** The budget a call draws on; each has its own per-token limit upstream. */
public enum CallClass {
    AUDITY_READ,
    AUDITY_WRITE,
    AUDITY_POLL,
    REPO_SUBMIT,
    REPO_STATUS;

    public String upstream() {
        return name().startsWith("AUDITY") ? "audity" : "repo-audit";
    }
}
