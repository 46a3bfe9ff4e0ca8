package com.auditybridge.run.paid;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the bridge treats a paid call whose outcome it does not know ({@code bridge.paid-calls.*}).
 *
 * @param settleWindow how long after an unanswered send nothing is sent again and "not done" is not believed
 *                     (default 3m: several times the upstream read timeout of 30s, so that a call still working
 *                     upstream has committed or failed by then)
 * @param lookSpacing  time between two looks at the upstream (default 30s); "not done" must be seen twice
 * @param lookFor      how long after the settle window looks may go on (work still running, reads failing) before
 *                     a human is asked (default 1h)
 * @param clockSkew    how much older than the first send an upstream timestamp may be and still belong to it
 *                     (default 2m)
 * @param convertTries how many converts of one lead may go unanswered before a human is asked (default 3)
 * @param triggerTries likewise for analysis triggers of one run (default 2: at most one possible second job)
 * @param submitTries  likewise for repo-audit submits of one run (default 2)
 * @param laneRecheck  how soon a convert held back by another conversion of its token in flight looks again on its
 *                     own, once for itself and once more for each run waiting ahead of it, at most a minute
 *                     (default 5s); the conversion that frees the lane wakes the oldest waiting run at once
 */
@ConfigurationProperties("bridge.paid-calls")
public record PaidCallSettings(
        @Bindable(defaultValue = "3m") Duration settleWindow,
        @Bindable(defaultValue = "30s") Duration lookSpacing,
        @Bindable(defaultValue = "1h") Duration lookFor,
        @Bindable(defaultValue = "2m") Duration clockSkew,
        @Bindable(defaultValue = "3") int convertTries,
        @Bindable(defaultValue = "2") int triggerTries,
        @Bindable(defaultValue = "2") int submitTries,
        @Bindable(defaultValue = "5s") Duration laneRecheck) {

    /** The longest a convert waiting for its token's lane holds before it looks again on its own. */
    static final Duration LANE_RECHECK_AT_MOST = Duration.ofMinutes(1);

    /**
     * How long a convert waiting for its token's lane with {@code ahead} runs before it holds: its turn is at least
     * that many conversions away, and the conversion that frees the lane wakes the first waiter anyway; this is only
     * the safety net for a lane that frees without a hand-off (a run that ended while its call was in doubt).
     */
    public Duration laneRecheckWith(long ahead) {
        Duration most = laneRecheck.compareTo(LANE_RECHECK_AT_MOST) > 0 ? laneRecheck : LANE_RECHECK_AT_MOST;
        Duration hold = laneRecheck.multipliedBy(1 + Math.min(ahead, 1_000));
        return hold.compareTo(most) > 0 ? most : hold;
    }

    /** The most sends of one call of {@code kind} that may go unanswered. */
    public int tries(PaidCallKind kind) {
        return switch (kind) {
            case CONVERT -> convertTries;
            case TRIGGER -> triggerTries;
            case SUBMIT -> submitTries;
        };
    }
}
