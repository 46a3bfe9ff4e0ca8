package com.auditybridge.run.paid;

import com.auditybridge.run.paid.PaidCallRecord.How;
import com.auditybridge.upstream.UpstreamError;
import java.time.Duration;
import java.time.Instant;

/** What one execution of a paid step came to; {@link PaidStep#decide} turns it into the run's next state. */
public sealed interface Progress<R> {

    /** Done upstream. {@code answer} is the call's own answer when there was one, else null. */
    record Done<R>(String id, How how, R answer, String what) implements Progress<R> {}

    /** An answer proved a charge without saying what it bought: look now. */
    record Charged<R>(String what) implements Progress<R> {}

    /** Sent and unanswered, or still unsettled: nothing more is sent; look at {@code at}. */
    record Unsettled<R>(Instant at, String outcome, String what) implements Progress<R> {}

    /** Not done after the window and two looks: it may be sent again now. */
    record SendAgain<R>(String what) implements Progress<R> {}

    /** Refused upstream with nothing charged. */
    record Refused<R>(UpstreamError error) implements Progress<R> {}

    /** Held back by the bridge before anything was sent (rate budget, circuit, the token's conversion lane). */
    record NotSent<R>(Duration holdFor, String what) implements Progress<R> {}

    /** The looks could not settle it. */
    record Unconfirmed<R>(String what) implements Progress<R> {}
}
