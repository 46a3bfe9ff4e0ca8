package com.auditybridge.sim;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;

/** Settings shared by both simulators ({@code sim.*}). */
@ConfigurationProperties("sim")
@Requires(env = SimulatorActivation.ENVIRONMENT)
public class SimConfig {
    /** Value expected in {@code X-Sim-Admin-Token} on {@code /sim/admin/**}; default {@code sim-admin}. */
    private String adminToken = "sim-admin";

    public String getAdminToken() {
        return adminToken;
    }

    public void setAdminToken(String adminToken) {
        this.adminToken = adminToken;
    }
}
