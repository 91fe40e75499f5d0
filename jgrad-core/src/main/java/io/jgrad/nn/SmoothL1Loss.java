package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Smooth L1 loss, PyTorch's {@code nn.SmoothL1Loss}.
 *
 * <pre>{@code new SmoothL1Loss("mean", 0.5).forward(y, t);   // nn.SmoothL1Loss(beta=0.5)(y, t)}</pre>
 */
public class SmoothL1Loss extends Loss {
    /** {@code beta}. */
    public final double beta;

    /** {@code nn.SmoothL1Loss()}: beta 1. */
    public SmoothL1Loss() {
        this("mean", 1.0);
    }

    /** {@code nn.SmoothL1Loss(reduction=reduction, beta=beta)}. */
    public SmoothL1Loss(String reduction, double beta) {
        super(reduction);
        this.beta = beta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.smoothL1Loss(input, target, reduction, beta);
    }
}
