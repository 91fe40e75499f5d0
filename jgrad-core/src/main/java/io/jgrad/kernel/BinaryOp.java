package io.jgrad.kernel;

/** Elementwise functions of two arguments that have a kernel loop. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, ATAN2, FMOD, REMAINDER
}
