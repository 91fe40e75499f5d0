package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Huber loss, PyTorch's {@code nn.HuberLoss}.
 *
 * <pre>{@code new HuberLoss("mean", 2.0).forward(y, t);   // nn.HuberLoss(delta=2.0)(y, t)}</pre>
 */
public class HuberLoss extends Loss {
    /** {@code delta}. */
    public final double delta;

    /** {@code nn.HuberLoss()}: delta 1. */
    public HuberLoss() {
        this("mean", 1.0);
    }

    /** {@code nn.HuberLoss(reduction=reduction, delta=delta)}. */
    public HuberLoss(String reduction, double delta) {
        super(reduction);
        this.delta = delta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.huberLoss(input, target, reduction, delta);
    }
}
