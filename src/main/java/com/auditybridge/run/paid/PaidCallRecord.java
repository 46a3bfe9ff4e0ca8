package com.auditybridge.run.paid;

import java.time.Instant;
import java.util.Arrays;

/**
 * What the bridge knows of one paid call of one run, as stored in {@code paid_call}.
 *
 * @param doubts      how many sends of this call got no answer that settles it
 * @param looks       reads after the settle window that found it not done, since the last send
 * @param firstSentAt the first send of this run's call: whatever it made upstream is not older
 * @param sentAt      the latest send
 * @param resultId    what the call paid for (project, job or analysis, audit), once known
 * @param resultHow   how that id was learned
 * @param evidence    what the last look saw, in words, for a human
 */
public record PaidCallRecord(
        String runId,
        PaidCallKind kind,
        State state,
        int doubts,
        int looks,
        Instant firstSentAt,
        Instant sentAt,
        String resultId,
        How resultHow,
        String evidence) {

    public enum State {
        /** Nothing is being paid: never sent, or refused with nothing charged. May be sent. */
        NOT_DONE("not-done"),
        /** The intent is committed and the call is out. */
        IN_FLIGHT("in-flight"),
        /** Sent, and no answer settled it (timeout, reset, 5xx, or a crash before the answer was stored). */
        IN_DOUBT("in-doubt"),
        /** An answer proved a charge but not what it bought (a 2xx without a readable body, a late "already converted"). */
        CHARGED("charged"),
        /** Done upstream; {@code resultId} says what it made. */
        DONE("done"),
        /** The looks could not settle it: a human decides. */
        UNCONFIRMED("unconfirmed");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static State fromWire(String name) {
            return Arrays.stream(values())
                    .filter(s -> s.wireName.equals(name))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** How a paid call's result became known. */
    public enum How {
        /** Its own answer. */
        ANSWER,
        /** Reading the upstream after the answer was lost. */
        EVIDENCE
    }
}
