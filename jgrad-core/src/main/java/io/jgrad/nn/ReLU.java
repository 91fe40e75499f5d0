package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * max(x, 0) elementwise, PyTorch's {@code nn.ReLU}.
 *
 * <pre>{@code new ReLU().forward(x);   // nn.ReLU()(x)}</pre>
 */
public class ReLU extends Module {
    /** {@code nn.ReLU()}. */
    public ReLU() {}

    /** Applies it to x. */
    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }
}
