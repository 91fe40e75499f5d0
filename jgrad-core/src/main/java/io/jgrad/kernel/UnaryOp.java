package io.jgrad.kernel;

/** Elementwise functions of one floating-point argument that have a kernel loop. */
public enum UnaryOp {
    NEG, EXP, LOG, SQRT, ABS, SIN, COS, TANH, SIGMOID, RELU, SIGN
}
