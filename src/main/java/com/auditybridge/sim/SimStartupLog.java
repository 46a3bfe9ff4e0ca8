package com.auditybridge.sim;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line at startup so nobody mistakes the simulator for the real upstreams. */
@Singleton
@Requires(env = SimulatorActivation.ENVIRONMENT)
class SimStartupLog {
    private static final Logger LOG = LoggerFactory.getLogger(SimStartupLog.class);

    @EventListener
    void onStartup(ServerStartupEvent event) {
        String base = "http://127.0.0.1:" + event.getSource().getPort();
        LOG.info(
                "Simulator active (BRIDGE_SIMULATOR=true): serving the Audity simulator at {}/sim/audity "
                        + "and the repo-audit simulator at {}/sim/repo-audit",
                base,
                base);
    }
}
