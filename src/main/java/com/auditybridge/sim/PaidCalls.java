package com.auditybridge.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * How a paid call that passed its checks gets to its commit, as a non-atomic upstream does it: at once, after
 * some work, or — while its kind is held — only when an admin releases it. Nothing here blocks a thread: the
 * answer is a pending {@link Mono} completed by a timer or by the release.
 *
 * <p>The commit never depends on anyone still listening. A caller whose read timeout fired and who closed the
 * connection cancels only its subscription to the answer; the timer or the release still commits, and the
 * answer then goes nowhere. After the commit, a {@code loseAnswer} fault for the kind drops the connection.
 */
@Singleton
@Requires(env = SimulatorActivation.ENVIRONMENT)
public class PaidCalls implements Resettable {
    /** What a release does: commit as an unheld call would, or abort (nothing charged, 500 without body). */
    public enum Outcome {
        commit,
        abort
    }

    private final Clock clock;
    private final Faults faults;
    /** Calls between their checks and their commit, in arrival order; guarded by {@code this}. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    private HoldSettings holds = HoldSettings.none();

    PaidCalls(Clock clock, Faults faults) {
        this.clock = clock;
        this.faults = faults;
    }

    /**
     * Answers a paid call whose checks passed. Held: registered until released. Otherwise, with {@code work}
     * above zero: committed by a timer after it. Otherwise committed now, on the caller's thread, so a caller
     * holding a lock keeps check and commit atomic.
     *
     * @param subject what the call is about, shown in the held list (lead id, project id, repository URL)
     * @param commit  charges, creates, counts and answers the success; runs exactly once, or never on abort
     */
    public Mono<MutableHttpResponse<?>> run(
            PaidCall kind, String subject, Duration work, Supplier<MutableHttpResponse<?>> commit) {
        Pending call;
        synchronized (this) {
            boolean held = holds.holds(kind);
            if (!held && (work.isZero() || work.isNegative())) {
                call = null;
            } else {
                call = new Pending(UUID.randomUUID().toString(), kind, subject, clock.instant(), held, commit);
                pending.put(call.id, call);
            }
        }
        if (call == null) {
            return Mono.just(answered(kind, commit));
        }
        if (!call.held) {
            call.timer = Schedulers.parallel()
                    .schedule(() -> finish(call.id, Outcome.commit, false), work.toMillis(), TimeUnit.MILLISECONDS);
        }
        // Cancelling the subscription (the caller hung up) must not cancel the call itself.
        return Mono.fromFuture(call.answer, true);
    }

    public synchronized HoldSettings holds() {
        return holds;
    }

    /** Replaces the hold settings; calls held already stay held until released. */
    public synchronized void hold(HoldSettings settings) {
        holds = settings;
    }

    /** The held calls not yet released, oldest first. */
    public synchronized List<HeldCall> held() {
        return pending.values().stream().filter(p -> p.held).map(Pending::view).toList();
    }

    /** Releases one held call; empty when the id is unknown or already released. */
    public Optional<HeldCall> release(String id, Outcome outcome) {
        return finish(id, outcome, true);
    }

    /** Releases every held call, oldest first, and answers those it released. */
    public List<HeldCall> releaseAll(Outcome outcome) {
        List<String> ids;
        synchronized (this) {
            ids = pending.values().stream().filter(p -> p.held).map(p -> p.id).toList();
        }
        List<HeldCall> released = new ArrayList<>();
        ids.forEach(id -> finish(id, outcome, true).ifPresent(released::add));
        return released;
    }

    private Optional<HeldCall> finish(String id, Outcome outcome, boolean heldOnly) {
        Pending call;
        synchronized (this) {
            call = pending.get(id);
            if (call == null || (heldOnly && !call.held)) {
                return Optional.empty();
            }
            pending.remove(id);
        }
        if (outcome == Outcome.commit) {
            try {
                call.answer.complete(answered(call.kind, call.commit));
            } catch (RuntimeException e) {
                call.answer.completeExceptionally(e);
            }
        } else {
            call.answer.complete(aborted());
        }
        return Optional.of(call.view());
    }

    /** The committed answer, marked to be lost when the {@code loseAnswer} fault names this kind. */
    private MutableHttpResponse<?> answered(PaidCall kind, Supplier<MutableHttpResponse<?>> commit) {
        MutableHttpResponse<?> response = commit.get();
        return faults.settings().loseAnswer().contains(kind) ? SimGate.loseAnswer(response) : response;
    }

    private static MutableHttpResponse<?> aborted() {
        return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /** Clears the hold settings and aborts every call not yet committed, held or still working. */
    @Override
    public void reset() {
        List<Pending> dropped;
        synchronized (this) {
            holds = HoldSettings.none();
            dropped = new ArrayList<>(pending.values());
            pending.clear();
        }
        for (Pending call : dropped) {
            Disposable timer = call.timer;
            if (timer != null) {
                timer.dispose();
            }
            call.answer.complete(aborted());
        }
    }

    /**
     * A held call as {@code GET /sim/admin/holds} lists it.
     *
     * @param subject lead id (convert), project id (trigger) or normalised repository URL (submit)
     * @param since   when the call passed its checks
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HeldCall(String id, PaidCall kind, String subject, String since) {}

    private static final class Pending {
        final String id;
        final PaidCall kind;
        final String subject;
        final Instant since;
        final boolean held;
        final Supplier<MutableHttpResponse<?>> commit;
        final CompletableFuture<MutableHttpResponse<?>> answer = new CompletableFuture<>();
        volatile Disposable timer;

        Pending(
                String id,
                PaidCall kind,
                String subject,
                Instant since,
                boolean held,
                Supplier<MutableHttpResponse<?>> commit) {
            this.id = id;
            this.kind = kind;
            this.subject = subject;
            this.since = since;
            this.held = held;
            this.commit = commit;
        }

        HeldCall view() {
            return new HeldCall(id, kind, subject, Timestamps.iso(since));
        }
    }
}
