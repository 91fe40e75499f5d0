package io.jgrad.kernel;

/** Elementwise functions of one floating-point argument that have a kernel loop. */
public enum UnaryOp {
    NEG, EXP, LOG, SQRT, ABS, SIN, COS, TANH, SIGMOID, RELU, SIGN,
    TAN, ASIN, ACOS, ATAN, SINH, COSH, LOG1P, EXPM1, LOG2, LOG10, ERF, RECIPROCAL, RSQRT, SQUARE,
    FLOOR, CEIL, ROUND, TRUNC
}
