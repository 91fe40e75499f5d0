package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * GELU, exact or tanh-approximated, PyTorch's {@code nn.GELU}.
 *
 * <pre>{@code new GELU("tanh").forward(x);   // nn.GELU(approximate='tanh')(x)}</pre>
 */
public class GELU extends Module {
    /** "none" or "tanh" ({@code approximate}). */
    public final String approximate;

    /** {@code nn.GELU()}. */
    public GELU() {
        this("none");
    }

    /** {@code nn.GELU(approximate=approximate)}. */
    public GELU(String approximate) {
        this.approximate = approximate;
    }

    /** Applies it to x. */
    @Override
    public Tensor forward(Tensor x) {
        return Functional.gelu(x, approximate);
    }

    @Override
    public String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
