package com.auditybridge.run;

import com.auditybridge.connection.AuditPart;
import com.auditybridge.upstream.RawJson;
import java.time.Instant;

/**
 * A part of a run's finished audit as kept ({@link RunParts}).
 *
 * @param document           as Audity answered it; null while missing, and in a listing, which never loads it
 * @param read               whether a document is kept (also in a listing)
 * @param missingCode        why it is missing, while it is
 * @param missingMessage     why it is missing, in words
 * @param refreshRequestedAt when a refresh of it was asked for that is yet to read it; null when none is
 */
public record StoredPart(
        AuditPart part,
        RawJson document,
        boolean read,
        String missingCode,
        String missingMessage,
        Instant readAt,
        Instant refreshRequestedAt) {

    public boolean refreshing() {
        return refreshRequestedAt != null;
    }
}
