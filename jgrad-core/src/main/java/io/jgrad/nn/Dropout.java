package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Zeroes elements with probability p in training and scales the rest by 1 / (1 - p); the identity in eval
 * mode. PyTorch's {@code nn.Dropout}; the mask is drawn as {@link io.jgrad.ops.Dropout} describes.
 *
 * <pre>{@code new Dropout(0.5).forward(x);   // nn.Dropout(0.5)(x)}</pre>
 */
public class Dropout extends Module {
    /** The drop probability ({@code p}). */
    public final double p;

    /** {@code nn.Dropout()}: p = 0.5. */
    public Dropout() {
        this(0.5);
    }

    /**
     * {@code nn.Dropout(p)}.
     *
     * @throws IllegalArgumentException if p is outside [0, 1] (PyTorch's message)
     */
    public Dropout(double p) {
        if (p < 0 || p > 1 || Double.isNaN(p)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got "
                    + Init.repr(p));
        }
        this.p = p;
    }

    /** Applies it to x. */
    @Override
    public Tensor forward(Tensor x) {
        return Functional.dropout(x, p, isTraining());
    }

    @Override
    public String extraRepr() {
        return "p=" + Init.repr(p) + ", inplace=False";
    }
}
