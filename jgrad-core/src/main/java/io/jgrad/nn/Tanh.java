package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * tanh(x) elementwise, PyTorch's {@code nn.Tanh}.
 *
 * <pre>{@code new Tanh().forward(x);   // nn.Tanh()(x)}</pre>
 */
public class Tanh extends Module {
    /** {@code nn.Tanh()}. */
    public Tanh() {}

    /** Applies it to x. */
    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }
}
