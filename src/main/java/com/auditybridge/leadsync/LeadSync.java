package com.auditybridge.leadsync;

import com.auditybridge.audity.Credits;
import com.auditybridge.audity.GatedAudity;
import com.auditybridge.audity.Lead;
import com.auditybridge.audity.LeadPage;
import com.auditybridge.audity.LeadQuery;
import com.auditybridge.connection.Connection;
import com.auditybridge.connection.LeadSyncRules;
import com.auditybridge.db.Bounded;
import com.auditybridge.run.RunInput;
import com.auditybridge.upstream.Outcome;
import com.auditybridge.web.Ids;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One lead sync: list the active leads, emit lead.arrived once per new lead, and start lead-to-audit
 * for the young, unconverted, high-scoring ones while the daily cap and the account's credits allow
 * ({@link CreditAllowance}: Audity's {@code canCreateProject} and {@code projectsRemaining}, less the
 * credit floor). A dry run reads the same and writes nothing.
 */
@Singleton
public class LeadSync {
    static final long CONVERSION_COST = 1000;
    /** How long a listing is kept for a retry: leads change slowly, and a lead started twice is deduplicated. */
    static final Duration LISTING_KEPT_FOR = Duration.ofMinutes(1);

    private final GatedAudity audity;
    private final LeadSeen seen;
    private final LeadSyncWrites writes;
    private final LeadSyncSettings settings;
    private final Clock clock;

    /**
     * The leads a sync listed before it failed to read the credits, kept for its retry: a sync reads twice, and a
     * retry that came back when one read freed would spend it on the list and be held back on the credits again, for
     * ever. With the list kept, the retry needs one read. Kept {@link #LISTING_KEPT_FOR}, one per connection.
     */
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();

    private record Listing(Instant at, LeadPage page) {}

    public LeadSync(GatedAudity audity, LeadSeen seen, LeadSyncWrites writes, LeadSyncSettings settings, Clock clock) {
        this.audity = audity;
        this.seen = seen;
        this.writes = writes;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Not one transaction: the Audity calls go out with no database connection held, and each write is
     * its own short transaction ({@link LeadSyncWrites}), committed as the sync goes.
     */
    public SyncReport sync(Connection connection, boolean dryRun) {
        Instant now = clock.instant();
        LeadSyncRules rules = connection.leadSync() != null ? connection.leadSync() : settings.rules();
        String token = connection.audityToken();
        Listing listing = keptListing(connection.id(), now)
                .orElseGet(() -> new Listing(
                        now,
                        require(
                                audity.listLeads(token, LeadQuery.activeByScore(settings.pageSize())),
                                "list the leads")));
        LeadPage page = listing.page();
        List<SyncReport.Skipped> skipped = new ArrayList<>();
        List<Lead> fresh = new ArrayList<>();
        for (Lead lead : page.data()) {
            if (!LeadChoice.fresh(rules, lead, now)) {
                continue;
            }
            String unusable = unusableId(lead.id());
            if (unusable != null) {
                skipped.add(new SyncReport.Skipped(lead.id(), unusable));
            } else {
                fresh.add(lead);
            }
        }
        List<String> arrived = new ArrayList<>();
        for (Lead lead : fresh) {
            boolean isNew = dryRun
                    ? !seen.isSeen(connection.id(), lead.id())
                    : writes.arrived(connection.id(), lead.id(), arrivedData(lead), now);
            if (isNew) {
                arrived.add(lead.id());
            }
        }
        List<Lead> candidates = fresh.stream()
                .filter(lead -> LeadChoice.scoresHighEnough(rules, lead))
                .filter(lead -> !seen.isStarted(connection.id(), lead.id()))
                .sorted(Comparator.comparing(LeadSync::score).reversed())
                .toList();
        Credits credits;
        try {
            credits = candidates.isEmpty() ? null : require(audity.credits(token), "read the credits");
        } catch (SyncFailed failed) {
            listings.put(connection.id(), listing);
            throw failed;
        }
        listings.remove(connection.id());
        CreditAllowance allowance = credits == null ? null : CreditAllowance.of(credits, rules.creditFloor());
        int startedToday = seen.startedSince(connection.id(), now.truncatedTo(ChronoUnit.DAYS));
        List<SyncReport.Conversion> converted = new ArrayList<>();
        for (Lead lead : candidates) {
            if (startedToday + converted.size() >= rules.maxPerDay()) {
                skipped.add(new SyncReport.Skipped(
                        lead.id(), "daily cap of " + rules.maxPerDay() + " conversions reached"));
            } else if (converted.size() >= allowance.conversions()) {
                skipped.add(new SyncReport.Skipped(lead.id(), allowance.limit()));
            } else {
                converted.add(new SyncReport.Conversion(lead.id(), dryRun ? null : start(connection, lead, now)));
            }
        }
        return new SyncReport(
                dryRun,
                page.data().size(),
                arrived,
                converted,
                credits == null ? null : credits.canCreateProject(),
                credits == null ? null : credits.projectsRemaining(),
                credits == null ? null : credits.balance(),
                CONVERSION_COST * converted.size(),
                skipped);
    }

    private String start(Connection connection, Lead lead, Instant now) {
        RunInput input = new RunInput(
                lead.id(),
                null,
                null,
                null,
                "async",
                null,
                null,
                settings.callbackUrl(),
                Map.of("source", "lead-sync"),
                null,
                // The connection's default parts, as for a hook that names none (run.RunIntake).
                null);
        return writes.started(connection, lead.id(), input, now);
    }

    /** Why a lead's id cannot be remembered or converted, or null when it can: the rule of a hook's leadId. */
    static String unusableId(String id) {
        if (id != null && id.length() > Bounded.LEAD_ID) {
            return "its id of " + id.length() + " characters is longer than the " + Bounded.LEAD_ID
                    + " the bridge keeps";
        }
        String problem = Ids.problem(id);
        return problem == null ? null : "its id " + problem;
    }

    private static double score(Lead lead) {
        Double score = lead.aiReadinessScore() != null ? lead.aiReadinessScore() : lead.compositeScore();
        return score == null ? 0 : score;
    }

    private static Map<String, Object> arrivedData(Lead lead) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("leadId", lead.id());
        data.put("surveyStatus", lead.surveyStatus());
        data.put("aiReadinessScore", lead.aiReadinessScore());
        data.put("compositeScore", lead.compositeScore());
        data.put("createdAt", lead.createdAt());
        data.put("companyName", lead.companyName());
        return data;
    }

    private Optional<Listing> keptListing(String connectionId, Instant now) {
        Listing kept = listings.remove(connectionId);
        return kept == null || kept.at().plus(LISTING_KEPT_FOR).isBefore(now) ? Optional.empty() : Optional.of(kept);
    }

    private static <T> T require(Outcome<T> outcome, String what) {
        if (!outcome.isSuccess()) {
            throw new SyncFailed(
                    "could not " + what + ": " + outcome.error().kind() + " "
                            + outcome.error().message(),
                    outcome.error().retryAfter());
        }
        return outcome.value();
    }
}
