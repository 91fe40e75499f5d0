package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Mean absolute error, PyTorch's {@code nn.L1Loss}.
 *
 * <pre>{@code new L1Loss().forward(y, t);   // nn.L1Loss()(y, t)}</pre>
 */
public class L1Loss extends Loss {
    /** {@code nn.L1Loss()}. */
    public L1Loss() {
        this("mean");
    }

    /** {@code nn.L1Loss(reduction=reduction)}. */
    public L1Loss(String reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.l1Loss(input, target, reduction);
    }
}
