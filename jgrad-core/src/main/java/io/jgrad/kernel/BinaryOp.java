package io.jgrad.kernel;

/**
 * Elementwise functions of two arguments that have a kernel loop. The {@code _BACKWARD} ones are fused
 * backward formulas {@code (grad, saved)}: one pass instead of a temporary per step of the formula.
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, ATAN2, FMOD, REMAINDER,
    /** Backward of tanh given (grad, result): {@code g * (1 - y * y)}. */
    TANH_BACKWARD,
    /** Backward of sigmoid given (grad, result): {@code g * y * (1 - y)}. */
    SIGMOID_BACKWARD,
    /** Backward of relu given (grad, result), PyTorch's threshold_backward: {@code y > 0 ? g : 0}. */
    RELU_BACKWARD,
    /** Backward of sin given (grad, input): {@code g * cos(x)}. */
    SIN_BACKWARD,
    /** Backward of cos given (grad, input): {@code g * -sin(x)}. */
    COS_BACKWARD,
    /**
     * Binary cross-entropy of (input, target), PyTorch's binary_cross_entropy with logs clamped at -100:
     * {@code -(t * max(log x, -100) + (1 - t) * max(log(1 - x), -100))}.
     */
    BINARY_CROSS_ENTROPY,
    /** Its derivative in the input given (input, target): {@code (x - t) / max(x * (1 - x), 1e-12)}. */
    BINARY_CROSS_ENTROPY_BACKWARD
}
