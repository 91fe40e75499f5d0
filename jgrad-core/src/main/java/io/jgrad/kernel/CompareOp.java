package io.jgrad.kernel;

/** Elementwise comparisons; their kernels write booleans. */
public enum CompareOp {
    GT, GE, LT, LE, EQ, NE
}
