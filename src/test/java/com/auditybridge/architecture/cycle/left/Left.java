package com.auditybridge.architecture.cycle.left;

import com.auditybridge.architecture.cycle.right.Right;

/** Half of a package cycle made on purpose: the architecture rules must catch it. */
public class Left {
    Right right;
}
