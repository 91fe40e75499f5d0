package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Returns its input, PyTorch's {@code nn.Identity}.
 *
 * <pre>{@code new Identity().forward(x);   // nn.Identity()(x)}</pre>
 */
public class Identity extends Module {
    /** {@code nn.Identity()}. */
    public Identity() {}

    /** Applies it to x. */
    @Override
    public Tensor forward(Tensor x) {
        return x;
    }
}
