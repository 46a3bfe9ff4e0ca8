package com.auditybridge.run;

import com.auditybridge.connection.AuditPart;
import com.auditybridge.upstream.RawJson;
import com.auditybridge.upstream.UpstreamError;

/**
 * What one read of a part of the finished audit came to: its document exactly as Audity answered it, or why it is
 * missing (a stable code and a sentence, as a failed run's {@link RunError} gives them).
 *
 * @param document the part as Audity answered it; null when it is missing
 * @param code     why it is missing; null when it was read
 * @param message  why it is missing, in words; null when it was read
 */
public record PartOutcome(AuditPart part, RawJson document, String code, String message) {

    public static PartOutcome read(AuditPart part, RawJson document) {
        return new PartOutcome(part, document, null, null);
    }

    public static PartOutcome missing(AuditPart part, String code, String message) {
        return new PartOutcome(part, null, code, message);
    }

    /** Missing because the read failed: the upstream's code when it sent one, else the kind of failure. */
    public static PartOutcome missing(AuditPart part, UpstreamError error) {
        RunError why = RunError.of(error);
        return missing(part, why.code(), why.message());
    }

    public boolean isRead() {
        return document != null;
    }
}
