package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Log-softmax along a dimension, PyTorch's {@code nn.LogSoftmax(dim)}.
 *
 * <pre>{@code new LogSoftmax(1).forward(x);   // nn.LogSoftmax(dim=1)(x)}</pre>
 */
public class LogSoftmax extends Module {
    /** The dimension ({@code dim}). */
    public final int dim;

    /** {@code nn.LogSoftmax(dim=dim)}. */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    /** Applies it to x. */
    @Override
    public Tensor forward(Tensor x) {
        return Functional.logSoftmax(x, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
