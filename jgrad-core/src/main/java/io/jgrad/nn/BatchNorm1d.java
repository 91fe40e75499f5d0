package io.jgrad.nn;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;

/**
 * Batch normalisation of [N, C] or [N, C, L] input, PyTorch's {@code nn.BatchNorm1d}. In training it uses the
 * batch statistics and updates the buffers {@code running_mean}, {@code running_var} (unbiased) and
 * {@code num_batches_tracked}; in eval mode it uses the running statistics.
 *
 * <pre>{@code BatchNorm1d bn = new BatchNorm1d(4);   // bn = nn.BatchNorm1d(4) }</pre>
 */
public class BatchNorm1d extends Module {
    /** Per-channel scale ({@code bn.weight}), null without affine. */
    public Parameter weight;
    /** Per-channel shift ({@code bn.bias}), null without affine. */
    public Parameter bias;
    /** {@code num_features}. */
    public final int numFeatures;
    /** {@code eps}. */
    public final double eps;
    /** {@code momentum}; null means a cumulative moving average. */
    public final Double momentum;
    /** {@code track_running_stats}. */
    public final boolean trackRunningStats;

    /** {@code nn.BatchNorm1d(num_features)}: eps 1e-5, momentum 0.1, affine, tracking running stats. */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /** {@code nn.BatchNorm1d(num_features, eps, momentum, affine, track_running_stats)}. */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.trackRunningStats = trackRunningStats;
        if (affine) {
            weight = new Parameter(Torch.ones(new int[] {numFeatures}, DType.FLOAT32));
            bias = new Parameter(Torch.zeros(new int[] {numFeatures}, DType.FLOAT32));
        }
        if (trackRunningStats) {
            registerBuffer("running_mean", Torch.zeros(new int[] {numFeatures}, DType.FLOAT32));
            registerBuffer("running_var", Torch.ones(new int[] {numFeatures}, DType.FLOAT32));
            registerBuffer("num_batches_tracked", Torch.zeros(new int[0], DType.INT64));
        }
    }

    /** {@code bn.running_mean}, or null. */
    public Tensor runningMean() {
        return getBuffer("running_mean");
    }

    /** {@code bn.running_var}, or null. */
    public Tensor runningVar() {
        return getBuffer("running_var");
    }

    /** {@code bn.num_batches_tracked}, or null. */
    public Tensor numBatchesTracked() {
        return getBuffer("num_batches_tracked");
    }

    /**
     * {@code bn(x)}.
     *
     * @throws IllegalArgumentException for input that is not 2-D or 3-D (PyTorch's message)
     */
    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException("expected 2D or 3D input (got " + x.dim() + "D input)");
        }
        double factor = momentum == null ? 0.0 : momentum;
        boolean useBatchStats = isTraining() || runningMean() == null;
        if (useBatchStats && x.numel() / Math.max(x.size(1), 1) == 1) {
            throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
                    + io.jgrad.internal.Shapes.str(x.shape()));
        }
        if (isTraining() && trackRunningStats) {
            if (x.size(1) != numFeatures) {
                throw new IllegalArgumentException("running_mean should contain " + x.size(1) + " elements not "
                        + numFeatures);
            }
            Torch.noGrad(() -> numBatchesTracked().add_(Torch.scalar(1, DType.INT64)));
            if (momentum == null) {
                factor = 1.0 / numBatchesTracked().item();
            }
        }
        boolean passStats = !isTraining() || trackRunningStats;
        return Functional.batchNorm(x, passStats ? runningMean() : null, passStats ? runningVar() : null, weight, bias,
                useBatchStats, factor, eps);
    }

    @Override
    public String extraRepr() {
        return numFeatures + ", eps=" + Init.repr(eps) + ", momentum=" + (momentum == null ? "None"
                : Init.repr(momentum)) + ", affine=" + py(weight != null) + ", track_running_stats="
                + py(trackRunningStats);
    }
}
