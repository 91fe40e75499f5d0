package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * x > 0 ? x : slope x, PyTorch's {@code nn.LeakyReLU}.
 *
 * <pre>{@code new LeakyReLU(0.2).forward(x);   // nn.LeakyReLU(0.2)(x)}</pre>
 */
public class LeakyReLU extends Module {
    /** The slope for negative inputs ({@code negative_slope}). */
    public final double negativeSlope;

    /** {@code nn.LeakyReLU()}: slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /** {@code nn.LeakyReLU(negative_slope)}. */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    /** Applies it to x. */
    @Override
    public Tensor forward(Tensor x) {
        return Functional.leakyRelu(x, negativeSlope);
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + Init.repr(negativeSlope);
    }
}
