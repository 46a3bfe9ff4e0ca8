package com.auditybridge.sim.audity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The demo inbox every new account starts with: varied scores, statuses and ages (1 to 30 days). */
final class LeadSeeder {
    private record Seed(
            String status,
            Double ai,
            Double composite,
            String research,
            int daysOld,
            String name,
            String company,
            String industry) {}

    private static final List<Seed> SEEDS = List.of(
            new Seed("completed", 86.0, 82.5, "completed", 1, "Dana Whitfield", "Northwind Logistics", "Logistics"),
            new Seed("completed", 74.0, 77.0, "completed", 3, "Ravi Menon", "Brightline Dental", "Healthcare"),
            new Seed("pending", 58.0, null, "pending", 5, "Lena Fischer", "Alpenhof Hotels", "Hospitality"),
            new Seed("completed", 41.0, 45.5, "not_started", 9, "Marcus Hale", "Hale & Sons Joinery", "Manufacturing"),
            new Seed("converted", 91.0, 88.0, "completed", 16, "Priya Natarajan", "Quanta Legal", "Legal"),
            new Seed("archived", 22.0, 18.0, "failed", 30, "Tom Becker", "Becker Bakery", "Food & Beverage"));

    private LeadSeeder() {}

    static List<SimLead> seed(String accountKey, Instant now) {
        return java.util.stream.IntStream.range(0, SEEDS.size())
                .mapToObj(i -> {
                    Seed s = SEEDS.get(i);
                    return new SimLead(
                            leadId(accountKey, i),
                            accountKey,
                            s.status(),
                            s.ai(),
                            s.composite(),
                            s.research(),
                            now.minus(Duration.ofDays(s.daysOld())),
                            s.name(),
                            s.company(),
                            s.industry());
                })
                .toList();
    }

    /** Stable per account and index, so the demo token sees the same lead ids after every restart. */
    static String leadId(String accountKey, int index) {
        return UUID.nameUUIDFromBytes((accountKey + ":lead:" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
