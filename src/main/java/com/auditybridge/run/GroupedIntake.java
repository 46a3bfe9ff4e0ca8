package com.auditybridge.run;

import com.auditybridge.connection.Connection;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hooks that arrive together are committed together (a group commit): each hook's thread queues its hook and takes a
 * turn (at most {@code bridge.intake.group-writers} at once); a turn whose hook a group already took has nothing to do,
 * any other writes everything queued, up to {@code bridge.intake.group-size} hooks, in one transaction
 * ({@link RunIntake#acceptAll}). One commit, so one disk flush on Postgres, stands for the whole group, and its
 * statements are batched; with one hook at a time a group is that hook. Every hook is still answered only after its
 * run and task are committed. When a group's transaction fails, none of it is stored, and each of its hooks is
 * answered empty, for its caller to accept it alone: one hook's trouble is no other hook's.
 */
@Singleton
public class GroupedIntake {
    private static final Logger LOG = LoggerFactory.getLogger(GroupedIntake.class);
    private final RunIntake intake;
    private final Clock clock;
    private final int groupSize;
    private final Semaphore turns;
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();

    public GroupedIntake(RunIntake intake, Clock clock, IntakeSettings settings) {
        this.intake = intake;
        this.clock = clock;
        this.groupSize = Math.max(1, settings.groupSize());
        this.turns = new Semaphore(Math.max(1, settings.groupWriters()));
    }

    private record Waiting(RunIntake.Hook hook, CompletableFuture<Optional<RunIntake.Accepted>> answer) {}

    /** The hook's run (or the one of its lead), committed; empty when its group failed and it must go alone. */
    public Optional<RunIntake.Accepted> accept(Connection connection, Flow flow, RunInput input) {
        Waiting mine =
                new Waiting(new RunIntake.Hook(connection, flow, input, clock.instant()), new CompletableFuture<>());
        queue.add(mine);
        turns.acquireUninterruptibly();
        try {
            // First in, first out: a turn writes groups until one held this hook (or another turn has taken it), so a
            // hook whose own turn found it already written never leaves a later hook behind with no turn to come.
            while (!mine.answer().isDone() && writeQueued()) {
                // the next group
            }
        } finally {
            turns.release();
        }
        return mine.answer().join();
    }

    /** Writes the next group of queued hooks; false when none was queued. */
    private boolean writeQueued() {
        List<Waiting> group = new ArrayList<>();
        for (Waiting next; group.size() < groupSize && (next = queue.poll()) != null; ) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return false;
        }
        try {
            List<RunIntake.Accepted> accepted =
                    intake.acceptAll(group.stream().map(Waiting::hook).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer().complete(Optional.of(accepted.get(i)));
            }
        } catch (RuntimeException e) {
            LOG.debug("a group of {} hooks was not stored ({}); each goes alone", group.size(), e.toString());
            group.forEach(waiting -> waiting.answer().complete(Optional.empty()));
        }
        return true;
    }
}
