package io.jgrad.kernel;

/**
 * Elementwise activation functions with up to two numeric parameters {@code p}, {@code q}, computed by
 * {@link DoubleOps#activation} (and the generated FloatOps) with PyTorch's CPU formulas.
 */
public enum ActivationOp {
    /** {@code x * 0.5 * (1 + erf(x / sqrt(2)))}. */
    GELU,
    /** {@code 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3)))}. */
    GELU_TANH,
    /** {@code x / (1 + exp(-x))}. */
    SILU,
    /** p = beta, q = threshold: {@code x * beta > threshold ? x : log1p(exp(x * beta)) / beta}. */
    SOFTPLUS,
    /** {@code x * tanh(log1p(exp(x)))}. */
    MISH,
    /** p = negative slope: {@code x > 0 ? x : x * p}. */
    LEAKY_RELU,
    /** p = alpha * scale, q = scale: {@code x <= 0 ? (exp(x) - 1) * p : x * q} (ELU and SELU). */
    ELU,
    /** {@code min(x, 0) - log1p(exp(-|x|))}. */
    LOG_SIGMOID
}
