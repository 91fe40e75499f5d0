package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Binary cross-entropy on logits, PyTorch's {@code nn.BCEWithLogitsLoss}; weight and pos_weight are buffers.
 *
 * <pre>{@code new BCEWithLogitsLoss(null, "mean", pw).forward(z, t);
 * // nn.BCEWithLogitsLoss(pos_weight=pw)(z, t)}</pre>
 */
public class BCEWithLogitsLoss extends Loss {
    /** {@code nn.BCEWithLogitsLoss()}. */
    public BCEWithLogitsLoss() {
        this(null, "mean", null);
    }

    /** {@code nn.BCEWithLogitsLoss(reduction=reduction)}. */
    public BCEWithLogitsLoss(String reduction) {
        this(null, reduction, null);
    }

    /** {@code nn.BCEWithLogitsLoss(weight=weight, reduction=reduction, pos_weight=posWeight)}. */
    public BCEWithLogitsLoss(Tensor weight, String reduction, Tensor posWeight) {
        super(reduction);
        if (weight != null) {
            registerBuffer("weight", weight);
        }
        if (posWeight != null) {
            registerBuffer("pos_weight", posWeight);
        }
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropyWithLogits(input, target, getBuffer("weight"), getBuffer("pos_weight"),
                reduction);
    }
}
