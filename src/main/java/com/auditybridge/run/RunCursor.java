package com.auditybridge.run;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** An opaque page cursor: the position of the last run a page showed. */
public record RunCursor(Instant createdAt, String id) {

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((createdAt.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<RunCursor> decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return parts[1].isEmpty()
                    ? Optional.empty()
                    : Optional.of(new RunCursor(Instant.parse(parts[0]), parts[1]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
