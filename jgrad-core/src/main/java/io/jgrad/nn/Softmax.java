package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Softmax along a dimension, PyTorch's {@code nn.Softmax(dim)}.
 *
 * <pre>{@code new Softmax(1).forward(x);   // nn.Softmax(dim=1)(x)}</pre>
 */
public class Softmax extends Module {
    /** The dimension ({@code dim}). */
    public final int dim;

    /** {@code nn.Softmax(dim=dim)}. */
    public Softmax(int dim) {
        this.dim = dim;
    }

    /** Applies it to x. */
    @Override
    public Tensor forward(Tensor x) {
        return Functional.softmax(x, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
