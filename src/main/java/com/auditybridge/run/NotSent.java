package com.auditybridge.run;

import com.auditybridge.upstream.Outcome;
import com.auditybridge.upstream.UpstreamError;
import com.auditybridge.upstream.UpstreamErrorKind;

/** The answer of a paid call whose intent could not be recorded: held back by the bridge, never sent. */
final class NotSent {
    private NotSent() {}

    static <T> Outcome<T> outcome() {
        return Outcome.failure(UpstreamError.of(
                        UpstreamErrorKind.THROTTLED,
                        0,
                        null,
                        "held back: the run moved on, or another call of this token is in flight")
                .notSent());
    }
}
