package com.auditybridge.architecture.cycle.right;

import com.auditybridge.architecture.cycle.left.Left;

/** The other half of the cycle of {@link Left}. */
public class Right {
    Left left;
}
