package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * 1 / (1 + exp(-x)) elementwise, PyTorch's {@code nn.Sigmoid}.
 *
 * <pre>{@code new Sigmoid().forward(x);   // nn.Sigmoid()(x)}</pre>
 */
public class Sigmoid extends Module {
    /** {@code nn.Sigmoid()}. */
    public Sigmoid() {}

    /** Applies it to x. */
    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }
}
