package com.auditybridge.upstream;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-token budgets (and the connections' inbound rates): token buckets in a {@link BudgetStore}, shared by
 * every replica when it is the database. Taking a token never waits: a call that may not go now learns how long
 * until one frees. A 429's Retry-After is kept in the bucket itself, as a deficit that takes that long to refill,
 * so every replica honours it without a second lookup per call.
 */
@Singleton
public class Budgets {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration LEAST_WAIT = Duration.ofMillis(1);
    private final BudgetStore store;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<BudgetKey, Usage> usage = new ConcurrentHashMap<>();
    private final Map<BudgetKey, WaitingLine> lines = new ConcurrentHashMap<>();

    public Budgets(BudgetStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Zero when a call of {@code key} may go now (and counts); else how long until one may. One store round trip, none
     * when an older call of this replica is due first (a call with a {@link Precedence rank} waits its turn in the
     * budget's {@link WaitingLine}).
     */
    public Duration take(BudgetKey key) {
        OptionalLong rank = Precedence.current();
        if (rank.isEmpty()) {
            return untilFree(key, bucket(key).tryConsumeAndReturnRemaining(1));
        }
        WaitingLine line = lines.computeIfAbsent(key, k -> new WaitingLine());
        Duration interval = key.shape().interval();
        Instant now = clock.instant();
        Optional<Instant> aside = line.stepAside(rank.getAsLong(), now.plus(interval.dividedBy(2)), now);
        if (aside.isPresent()) {
            return Duration.between(now, aside.get());
        }
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        Duration wait = untilFree(key, probe);
        if (wait.isZero()) {
            line.leave(rank.getAsLong());
            return wait;
        }
        return Duration.between(now, line.enter(rank.getAsLong(), now.plus(wait), interval, now));
    }

    private Duration untilFree(BudgetKey key, ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            usage(key).record(clock.instant());
            return Duration.ZERO;
        }
        // Rounded up to the next millisecond and one more: the bucket's own arithmetic rounds down, and a step that
        // comes back a hair early is held back once more.
        return Duration.ofMillis(probe.getNanosToWaitForRefill() / 1_000_000L)
                .plus(LEAST_WAIT)
                .plus(LEAST_WAIT);
    }

    /**
     * Nothing of {@code key} goes for {@code wait}, on any replica: the bucket is drained to a deficit that takes at
     * least that long to refill. A pause already longer stays as it is.
     */
    public void pause(BudgetKey key, Duration wait) {
        Bucket bucket = bucket(key);
        long missing = bucket.getAvailableTokens() + key.shape().tokensIn(wait);
        if (missing > 0) {
            bucket.consumeIgnoringRateLimits(missing);
        }
    }

    /** Every budget this replica used or the store holds, with what is left of each. */
    public List<BudgetView> views() {
        Set<BudgetKey> keys = new TreeSet<>(Comparator.comparing(BudgetKey::id));
        keys.addAll(usage.keySet());
        store.keys().stream().map(BudgetKey::parse).flatMap(Optional::stream).forEach(keys::add);
        Instant now = clock.instant();
        return keys.stream()
                .map(key -> {
                    Bucket bucket = bucket(key);
                    long available = bucket.getAvailableTokens();
                    long wait = available >= 1
                            ? 0
                            : Duration.ofNanos(
                                            bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill())
                                    .toMillis();
                    Usage used = usage.get(key);
                    return new BudgetView(
                            key.budget(),
                            key.owner(),
                            key.shape().limit(),
                            key.shape().capacity(),
                            available,
                            wait,
                            used == null ? 0 : used.count(now),
                            store.kind());
                })
                .toList();
    }

    /**
     * The budgets of these tokens (upstream buckets, named by the tokens' fingerprints) and the inbound rate of
     * {@code inboundOwner}: what one caller may see of {@link #views}. Tokens are compared as fingerprints, never
     * kept; a null token is the anonymous one, as {@link UpstreamGate} names it.
     */
    public List<BudgetView> viewsOf(Collection<String> tokens, String inboundOwner) {
        Set<String> fingerprints = new HashSet<>();
        tokens.stream().map(UpstreamGate::fingerprint).forEach(fingerprints::add);
        return views().stream()
                .filter(view -> BudgetKey.INBOUND.equals(view.budget())
                        ? view.owner().equals(inboundOwner)
                        : fingerprints.contains(view.owner()))
                .toList();
    }

    private Bucket bucket(BudgetKey key) {
        return store.bucket(key.id(), key.shape());
    }

    /** Registers the budget's gauges the first time it is used on this replica. */
    private Usage usage(BudgetKey key) {
        return usage.computeIfAbsent(key, k -> {
            Usage fresh = new Usage();
            Tags tags =
                    k.inbound() ? Tags.of("connection", k.owner()) : Tags.of("token", k.owner(), "class", k.budget());
            String prefix = k.inbound() ? "bridge.intake.rate" : "bridge.upstream.budget";
            meters.gauge(prefix + ".used", tags, fresh, u -> u.count(clock.instant()));
            meters.gauge(prefix + ".limit", tags, k.shape(), BucketShape::limit);
            return fresh;
        });
    }

    /** The calls this replica let through in the last minute. */
    private static final class Usage {
        private final Deque<Instant> calls = new ArrayDeque<>();

        synchronized void record(Instant at) {
            calls.addLast(at);
            forget(at);
        }

        synchronized int count(Instant now) {
            forget(now);
            return calls.size();
        }

        private void forget(Instant now) {
            while (!calls.isEmpty() && !calls.peekFirst().plus(MINUTE).isAfter(now)) {
                calls.pollFirst();
            }
        }
    }
}
