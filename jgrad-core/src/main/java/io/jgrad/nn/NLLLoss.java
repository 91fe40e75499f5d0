package io.jgrad.nn;

import io.jgrad.Tensor;

/**
 * Negative log-likelihood of log-probabilities at class indices, PyTorch's {@code nn.NLLLoss}.
 *
 * <pre>{@code new NLLLoss().forward(logp, t);   // nn.NLLLoss()(logp, t)}</pre>
 */
public class NLLLoss extends Loss {
    /** {@code ignore_index}. */
    public final long ignoreIndex;

    /** {@code nn.NLLLoss()}. */
    public NLLLoss() {
        this(null, -100, "mean");
    }

    /** {@code nn.NLLLoss(reduction=reduction)}. */
    public NLLLoss(String reduction) {
        this(null, -100, reduction);
    }

    /** {@code nn.NLLLoss(weight, ignore_index=ignoreIndex, reduction=reduction)}. */
    public NLLLoss(Tensor weight, long ignoreIndex, String reduction) {
        super(reduction);
        this.ignoreIndex = ignoreIndex;
        if (weight != null) {
            registerBuffer("weight", weight);
        }
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.nllLoss(input, target, getBuffer("weight"), ignoreIndex, reduction);
    }
}
