package com.auditybridge.run;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Pacing of the flows.
 *
 * @param pollInitial        first poll of an Audity job after it started (default 5s)
 * @param pollMax            the poll interval grows with the job's age up to this (default 60s)
 * @param prerequisiteCheck  first re-check of a project lacking its analyses (default 60s)
 * @param prerequisiteMax    re-checks grow up to this interval (default 1h)
 * @param prerequisiteWait   how long a run waits for the analyses before failing (default 7d)
 * @param repoPollInitial    first poll of a repo audit (default 2s)
 * @param repoPollMax        repo-audit polls grow up to this (default 30s)
 * @param pollSafetyNet      the poll interval of a job (and the first poll after its trigger) while the connection's
 *                           Audity webhooks are seen: Audity's {@code analysis_generated} wakes the run when the job
 *                           is done, so the polls are only a safety net for a webhook that was lost (default 5m)
 * @param webhooksSeenWithin a connection's webhooks count as seen while its last {@code analysis_generated} came
 *                           within this (default 24h); without one, jobs are polled at {@code pollInitial} and up
 */
@ConfigurationProperties("bridge.flows")
public record FlowSettings(
        @Bindable(defaultValue = "5s") Duration pollInitial,
        @Bindable(defaultValue = "60s") Duration pollMax,
        @Bindable(defaultValue = "60s") Duration prerequisiteCheck,
        @Bindable(defaultValue = "1h") Duration prerequisiteMax,
        @Bindable(defaultValue = "7d") Duration prerequisiteWait,
        @Bindable(defaultValue = "2s") Duration repoPollInitial,
        @Bindable(defaultValue = "30s") Duration repoPollMax,
        @Bindable(defaultValue = "5m") Duration pollSafetyNet,
        @Bindable(defaultValue = "24h") Duration webhooksSeenWithin) {}
