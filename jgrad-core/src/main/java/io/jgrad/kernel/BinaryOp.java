package io.jgrad.kernel;

/** Elementwise functions of two arguments that have a kernel loop. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, ATAN2, FMOD, REMAINDER,
    /** Backward of tanh given (grad, result): {@code g * (1 - y * y)}. */
    TANH_BACKWARD,
    /** Backward of sigmoid given (grad, result): {@code g * y * (1 - y)}. */
    SIGMOID_BACKWARD
}
