package com.auditybridge.sim;

/**
 * The calls that cost money upstream, as the hold and lost-answer levers name them: Audity's lead
 * {@code convert}, Audity's async audit {@code trigger} and repo-audit's {@code submit}.
 */
public enum PaidCall {
    convert,
    trigger,
    submit
}
