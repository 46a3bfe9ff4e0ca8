package com.auditybridge.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/**
 * Faults injected into both simulated APIs (one shared object; {@code convertCommitThenHang} only concerns
 * Audity's convert). Missing fields take the defaults below; a PUT replaces the whole object.
 * {@code PUT /sim/admin/holds} is the other lever on paid calls: it holds them until released.
 *
 * @param errorRate             share of calls answered with a random 500/502/503 without code (0..1)
 * @param resetRate             share of calls whose connection is closed without an answer (0..1)
 * @param latencyMs             delay added to every answer
 * @param convertCommitThenHang convert commits and charges, then answers only after {@code hangMs}
 * @param hangMs                hang of the committed convert (default 60000); 0 or less closes the connection
 * @param loseAnswer            paid calls ({@code convert}, {@code trigger}, {@code submit}) that commit (charge,
 *                              create, count) and then close the connection without any answer (default none)
 * @param jobFailureRate        share of Audity jobs and repo audits that end failed (0..1)
 * @param rateLimitStorm        every call answers 429 with {@code Retry-After: 1}
 * @param seed                  seed of the fault dice, for reproducible runs
 * @param failReads             Audity reads of a finished audit ({@code audit-analysis}: {@code GET
 *                              /api/projects/{id}/audit-analysis}, {@code deliverables}: {@code GET
 *                              /api/projects/{id}/deliverables}) answered 500 every time (default none); other names
 *                              are refused
 */
@Serdeable
public record FaultSettings(
        @Nullable Double errorRate,
        @Nullable Double resetRate,
        @Nullable Long latencyMs,
        @Nullable Boolean convertCommitThenHang,
        @Nullable Long hangMs,
        @Nullable @JsonInclude(JsonInclude.Include.ALWAYS) List<PaidCall> loseAnswer,
        @Nullable Double jobFailureRate,
        @Nullable Boolean rateLimitStorm,
        @Nullable Long seed,
        @Nullable @JsonInclude(JsonInclude.Include.ALWAYS) List<String> failReads) {

    /** The names {@code failReads} takes. */
    public static final List<String> READS = List.of("audit-analysis", "deliverables");

    public FaultSettings {
        errorRate = rate(errorRate);
        resetRate = rate(resetRate);
        latencyMs = latencyMs == null ? 0L : Math.max(0L, latencyMs);
        convertCommitThenHang = Boolean.TRUE.equals(convertCommitThenHang);
        hangMs = hangMs == null ? 60_000L : hangMs;
        loseAnswer = loseAnswer == null
                ? List.of()
                : loseAnswer.stream().filter(Objects::nonNull).distinct().toList();
        jobFailureRate = rate(jobFailureRate);
        rateLimitStorm = Boolean.TRUE.equals(rateLimitStorm);
        failReads =
                failReads == null ? List.of() : failReads.stream().distinct().toList();
        if (!READS.containsAll(failReads)) {
            throw new IllegalArgumentException("failReads takes " + READS + ", not " + failReads);
        }
    }

    public static FaultSettings none() {
        return new FaultSettings(null, null, null, null, null, null, null, null, null, null);
    }

    private static double rate(Double value) {
        return value == null ? 0.0 : Math.min(1.0, Math.max(0.0, value));
    }
}
