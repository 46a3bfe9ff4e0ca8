package com.auditybridge.upstream;

/** The answer of a paid call whose intent could not be recorded: held back by the bridge, never sent. */
public final class NotSent {
    private NotSent() {}

    public static <T> Outcome<T> outcome() {
        return Outcome.failure(UpstreamError.of(
                        UpstreamErrorKind.THROTTLED,
                        0,
                        null,
                        "held back: the run moved on, or another call of this token is in flight")
                .notSent());
    }
}
