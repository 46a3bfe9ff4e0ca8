package com.auditybridge.upstream;

import java.time.Duration;
import java.util.Optional;

/**
 * One bucket's name: what it limits ({@code AUDITY_WRITE}, …, or {@code INBOUND}), whose it is (a token's
 * fingerprint, or a connection's id) and its shape. Replicas configured alike name the same bucket; a changed limit
 * names a new one. Never holds a token.
 */
public record BudgetKey(String budget, String owner, BucketShape shape) {
    public static final String INBOUND = "INBOUND";
    private static final String SEPARATOR = "|";

    public static BudgetKey upstream(CallClass callClass, String fingerprint, BucketShape shape) {
        return new BudgetKey(callClass.name(), fingerprint, shape);
    }

    public static BudgetKey inbound(String connectionId, BucketShape shape) {
        return new BudgetKey(INBOUND, connectionId, shape);
    }

    /** The stored name: {@code budget|owner|limit/capacity/periodMillis}. */
    public String id() {
        return budget + SEPARATOR + owner + SEPARATOR + shape.code();
    }

    /** The key a stored name stands for; empty for a name this version does not write. */
    static Optional<BudgetKey> parse(String id) {
        String[] parts = id.split("\\|");
        if (parts.length != 3) {
            return Optional.empty();
        }
        String[] shape = parts[2].split("/");
        try {
            int limit = Integer.parseInt(shape[0]);
            int capacity = Integer.parseInt(shape[1]);
            Duration period = Duration.ofMillis(Long.parseLong(shape[2]));
            return Optional.of(new BudgetKey(
                    parts[0], parts[1], new BucketShape(capacity, Math.max(1, limit - capacity), period, limit)));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Upstream budgets belong to a token, inbound ones to a connection. */
    boolean inbound() {
        return INBOUND.equals(budget);
    }
}
