package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Flattens dimensions startDim..endDim into one, PyTorch's {@code nn.Flatten}.
 *
 * <pre>{@code new Flatten().forward(x);   // nn.Flatten()(x)}</pre>
 */
public class Flatten extends Module {
    /** {@code start_dim}. */
    public final int startDim;
    /** {@code end_dim}. */
    public final int endDim;

    /** {@code nn.Flatten()}: dimensions 1 to -1. */
    public Flatten() {
        this(1, -1);
    }

    /** {@code nn.Flatten(start_dim, end_dim)}. */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    /** Applies it to x. */
    @Override
    public Tensor forward(Tensor x) {
        return x.flatten(startDim, endDim);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
