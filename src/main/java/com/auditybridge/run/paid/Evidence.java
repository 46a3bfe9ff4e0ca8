package com.auditybridge.run.paid;

import com.auditybridge.upstream.UpstreamError;

/** What a look at the upstream says of a paid call whose answer was lost. */
public sealed interface Evidence {

    /** The call was done; {@code id} is what it made, {@code what} how that was seen. */
    record Done(String id, String what) implements Evidence {}

    /**
     * No sign of the call. {@code conclusive} is false where the upstream keeps nothing to read (an anonymous
     * repo-audit caller): then only the settle window speaks, and one look is as good as two.
     */
    record NotDone(String what, boolean conclusive) implements Evidence {}

    /** Work under way upstream that may yet become the call's result: look again later. */
    record Pending(String what) implements Evidence {}

    /** Done, but what it made cannot be told apart from what others made: a human decides. */
    record Ambiguous(String what) implements Evidence {}

    /** The look itself failed. */
    record Unreadable(UpstreamError error) implements Evidence {}
}
