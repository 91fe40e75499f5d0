package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Cross-entropy of scores against class indices or probabilities, PyTorch's {@code nn.CrossEntropyLoss}.
 *
 * <pre>{@code new CrossEntropyLoss(null, -100, "mean", 0.1).forward(z, t);
 * // nn.CrossEntropyLoss(label_smoothing=0.1)(z, t)}</pre>
 */
public class CrossEntropyLoss extends Loss {
    /** {@code ignore_index}. */
    public final long ignoreIndex;
    /** {@code label_smoothing}. */
    public final double labelSmoothing;

    /** {@code nn.CrossEntropyLoss()}. */
    public CrossEntropyLoss() {
        this(null, -100, "mean", 0.0);
    }

    /** {@code nn.CrossEntropyLoss(reduction=reduction)}. */
    public CrossEntropyLoss(String reduction) {
        this(null, -100, reduction, 0.0);
    }

    /** {@code nn.CrossEntropyLoss(weight, ignore_index=ignoreIndex, reduction=reduction, label_smoothing=s)}. */
    public CrossEntropyLoss(Tensor weight, long ignoreIndex, String reduction, double labelSmoothing) {
        super(reduction);
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
        if (weight != null) {
            registerBuffer("weight", weight);
        }
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.crossEntropy(input, target, getBuffer("weight"), ignoreIndex, reduction, labelSmoothing);
    }
}
