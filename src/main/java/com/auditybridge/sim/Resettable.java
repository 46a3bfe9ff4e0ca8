package com.auditybridge.sim;

/** Simulator state that {@code POST /sim/admin/reset} wipes back to a fresh start. */
public interface Resettable {
    void reset();
}
