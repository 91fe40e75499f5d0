package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Base of the loss modules, PyTorch's {@code nn._Loss}: holds the {@code reduction} ("mean", "sum" or "none";
 * checked when called) and computes {@code forward(input, target)}.
 */
public abstract class Loss extends Module {
    /** "mean", "sum" or "none" ({@code loss.reduction}). */
    public final String reduction;

    /** A loss with the given reduction. */
    protected Loss(String reduction) {
        this.reduction = reduction;
    }

    /** The loss of input against target, {@code loss_fn(input, target)}. */
    public abstract Tensor forward(Tensor input, Tensor target);

    /**
     * Losses take two inputs.
     *
     * @throws UnsupportedOperationException always: call {@link #forward(Tensor, Tensor)}
     */
    @Override
    public Tensor forward(Tensor x) {
        throw new UnsupportedOperationException(name() + ".forward() missing 1 required positional argument: 'target'");
    }
}
