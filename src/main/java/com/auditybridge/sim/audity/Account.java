package com.auditybridge.sim.audity;

import java.util.Set;

/**
 * One token's account. Mutated only while holding its monitor, so a conversion checks and charges
 * credits atomically.
 */
public final class Account {
    final String key;
    final String tokenPrefix;
    final String userId;
    long credits;
    long used;
    final long allocation;
    String tier;
    Set<String> scopes;
    double analysisBudgetUsd;
    boolean revoked;
    /** Where Audity sends this account's webhooks ({@code analysis_generated}); null: none are sent. */
    volatile String webhookUrl;

    Account(String key, String tokenPrefix, AudityConfig config) {
        this.key = key;
        this.tokenPrefix = tokenPrefix;
        this.userId = "user_" + key.substring(0, 24);
        this.credits = config.credits();
        this.allocation = config.credits();
        this.tier = config.tier();
        this.scopes = Set.copyOf(config.scopes());
        this.analysisBudgetUsd = config.analysisBudgetUsd();
    }

    String email() {
        return "consultant+" + key.substring(0, 8) + "@example.com";
    }

    synchronized boolean canWrite() {
        return scopes.contains("write") || scopes.contains("admin");
    }

    synchronized boolean solo() {
        return "solo".equals(tier);
    }
}
