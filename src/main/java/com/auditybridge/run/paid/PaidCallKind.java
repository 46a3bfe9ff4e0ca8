package com.auditybridge.run.paid;

/** The upstream calls that cost money, as {@code paid_call.kind} names them. */
public enum PaidCallKind {
    /** Converting a lead: 1,000 credits. One at a time per token, so that a lost answer leaves one project to find. */
    CONVERT("convert", "conversion", true),
    /** Starting the async audit analysis: AI budget. */
    TRIGGER("trigger", "analysis job", false),
    /** Submitting a repository for audit: one of a few audits a day. */
    SUBMIT("submit", "repo audit", false);

    private final String wireName;
    private final String paysFor;
    private final boolean oneAtATimePerToken;

    PaidCallKind(String wireName, String paysFor, boolean oneAtATimePerToken) {
        this.wireName = wireName;
        this.paysFor = paysFor;
        this.oneAtATimePerToken = oneAtATimePerToken;
    }

    public String wireName() {
        return wireName;
    }

    /** What one call of this kind buys, in words for the timeline. */
    public String paysFor() {
        return paysFor;
    }

    public boolean oneAtATimePerToken() {
        return oneAtATimePerToken;
    }
}
