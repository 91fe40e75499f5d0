package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Binary cross-entropy of probabilities, PyTorch's {@code nn.BCELoss}; a weight is a buffer.
 *
 * <pre>{@code new BCELoss().forward(p, t);   // nn.BCELoss()(p, t)}</pre>
 */
public class BCELoss extends Loss {
    /** {@code nn.BCELoss()}. */
    public BCELoss() {
        this(null, "mean");
    }

    /** {@code nn.BCELoss(reduction=reduction)}. */
    public BCELoss(String reduction) {
        this(null, reduction);
    }

    /** {@code nn.BCELoss(weight=weight, reduction=reduction)}. */
    public BCELoss(Tensor weight, String reduction) {
        super(reduction);
        if (weight != null) {
            registerBuffer("weight", weight);
        }
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropy(input, target, getBuffer("weight"), reduction);
    }
}
