package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Mean squared error, PyTorch's {@code nn.MSELoss}.
 *
 * <pre>{@code new MSELoss().forward(y, t);   // nn.MSELoss()(y, t)}</pre>
 */
public class MSELoss extends Loss {
    /** {@code nn.MSELoss()}. */
    public MSELoss() {
        this("mean");
    }

    /** {@code nn.MSELoss(reduction=reduction)}. */
    public MSELoss(String reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.mseLoss(input, target, reduction);
    }
}
