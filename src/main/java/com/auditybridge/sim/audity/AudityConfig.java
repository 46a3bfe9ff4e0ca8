package com.auditybridge.sim.audity;

import com.auditybridge.sim.SimulatorActivation;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Behaviour of the Audity simulator ({@code sim.audity.*}); defaults follow the documented upstream.
 *
 * @param credits                 credits of a lazily created account (10,000)
 * @param tier                    tier of a new account ({@code growth}); {@code solo} cannot write
 * @param scopes                  scopes of a new account's token ({@code read, write})
 * @param analysisBudgetUsd       AI budget of a new account for async audits (100 USD)
 * @param analysisCostUsd         estimated cost of one async audit (1.5 USD)
 * @param readsPerMinute          GETs other than job polling per token and window (100)
 * @param writesPerMinute         POST/PATCH/DELETE per token and window (20)
 * @param pollsPerMinute          {@code GET /api/agent/jobs/{id}} per token and window (120)
 * @param rateWindow              length of the sliding rate-limit window (60 s)
 * @param convertDuration         work of a convert between its checks and its commit (0s: checked and committed
 *                                at once, atomically). Above zero the convert is non-atomic like the upstream: it
 *                                answers only after this time (a timer, no thread blocked), and a second convert of
 *                                the same lead arriving meanwhile passes the checks too and is charged again
 * @param interviewAnalysisDelay  time after conversion until the interview analysis exists (10s): conversion seeds
 *                                only the business analysis, so an async audit triggered at once gets 422
 *                                PREREQUISITE_MISSING; 0s: both analyses exist at once
 * @param jobPending              time a job stays {@code pending} (2 s)
 * @param jobProcessing           time a job stays {@code processing} (8 s)
 * @param jobProcessingMax        when set, each job's processing time is drawn uniformly between
 *                                {@code job-processing} and this, once at creation (unset: always {@code job-processing})
 * @param jobFailureRate          share of jobs that fail; the fault setting can raise it (0)
 * @param webhookCheck            how often the simulator looks for completed jobs whose {@code analysis_generated}
 *                                it has yet to send, to accounts that have a webhook URL (1 s); tests that move the
 *                                clock themselves set it long and send with {@code POST /sim/admin/audity/webhooks/send-due}
 */
@ConfigurationProperties("sim.audity")
@Requires(env = SimulatorActivation.ENVIRONMENT)
public record AudityConfig(
        @Bindable(defaultValue = "10000") long credits,
        @Bindable(defaultValue = "growth") String tier,
        @Bindable(defaultValue = "read,write") List<String> scopes,
        @Bindable(defaultValue = "100") double analysisBudgetUsd,
        @Bindable(defaultValue = "1.5") double analysisCostUsd,
        @Bindable(defaultValue = "100") int readsPerMinute,
        @Bindable(defaultValue = "20") int writesPerMinute,
        @Bindable(defaultValue = "120") int pollsPerMinute,
        @Bindable(defaultValue = "60s") Duration rateWindow,
        @Bindable(defaultValue = "0s") Duration convertDuration,
        @Bindable(defaultValue = "10s") Duration interviewAnalysisDelay,
        @Bindable(defaultValue = "2s") Duration jobPending,
        @Bindable(defaultValue = "8s") Duration jobProcessing,
        @Nullable Duration jobProcessingMax,
        @Bindable(defaultValue = "0") double jobFailureRate,
        @Bindable(defaultValue = "1s") Duration webhookCheck) {

    /** Credits one conversion costs, as documented. */
    public static final long CONVERSION_COST = 1_000;

    /** This job's processing time: fixed, or uniform between the two settings when a maximum is set. */
    Duration drawProcessing() {
        if (jobProcessingMax == null || jobProcessingMax.compareTo(jobProcessing) <= 0) {
            return jobProcessing;
        }
        long spread = jobProcessingMax.toMillis() - jobProcessing.toMillis();
        return jobProcessing.plusMillis(ThreadLocalRandom.current().nextLong(spread + 1));
    }
}
