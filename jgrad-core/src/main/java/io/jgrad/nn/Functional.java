package io.jgrad.nn;

import io.jgrad.Tensor;
import io.jgrad.ops.Activations;
import io.jgrad.ops.Affine;
import io.jgrad.ops.Arithmetic;
import io.jgrad.ops.Embeddings;
import io.jgrad.ops.LinearAlgebra;
import io.jgrad.ops.Losses;
import io.jgrad.ops.Normalization;
import io.jgrad.ops.Pointwise;
import io.jgrad.ops.Views;

/**
 * PyTorch's {@code torch.nn.functional} ({@code F}) as static methods: the operations behind the layers and
 * losses of this package. Defaults follow PyTorch (reduction "mean", ignore index -100, ...).
 *
 * <pre>{@code
 * import static io.jgrad.nn.Functional.*;
 * Tensor loss = crossEntropy(logits, labels);   // loss = F.cross_entropy(logits, labels)
 * }</pre>
 */
public final class Functional {
    private Functional() {}

    // ------------------------------------------------------------------------------------------------
    // Activations

    /** <pre>{@code relu(x);   // F.relu(x) }</pre> */
    public static Tensor relu(Tensor x) {
        return Pointwise.relu(x);
    }

    /** <pre>{@code sigmoid(x);   // torch.sigmoid(x) }</pre> */
    public static Tensor sigmoid(Tensor x) {
        return Pointwise.sigmoid(x);
    }

    /** <pre>{@code tanh(x);   // torch.tanh(x) }</pre> */
    public static Tensor tanh(Tensor x) {
        return Pointwise.tanh(x);
    }

    /** <pre>{@code softmax(x, 1);   // F.softmax(x, dim=1) }</pre> */
    public static Tensor softmax(Tensor x, int dim) {
        return Activations.softmax(x, dim);
    }

    /** <pre>{@code logSoftmax(x, 1);   // F.log_softmax(x, dim=1) }</pre> */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return Activations.logSoftmax(x, dim);
    }

    /** <pre>{@code gelu(x);   // F.gelu(x) }</pre> */
    public static Tensor gelu(Tensor x) {
        return Activations.gelu(x);
    }

    /** <pre>{@code gelu(x, "tanh");   // F.gelu(x, approximate='tanh') }</pre> */
    public static Tensor gelu(Tensor x, String approximate) {
        return Activations.gelu(x, approximate);
    }

    /** <pre>{@code silu(x);   // F.silu(x) }</pre> */
    public static Tensor silu(Tensor x) {
        return Activations.silu(x);
    }

    /** <pre>{@code softplus(x);   // F.softplus(x) }</pre> */
    public static Tensor softplus(Tensor x) {
        return Activations.softplus(x);
    }

    /** <pre>{@code softplus(x, 2, 10);   // F.softplus(x, beta=2, threshold=10) }</pre> */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return Activations.softplus(x, beta, threshold);
    }

    /** <pre>{@code mish(x);   // F.mish(x) }</pre> */
    public static Tensor mish(Tensor x) {
        return Activations.mish(x);
    }

    /** <pre>{@code leakyRelu(x);   // F.leaky_relu(x) }</pre> */
    public static Tensor leakyRelu(Tensor x) {
        return Activations.leakyRelu(x);
    }

    /** <pre>{@code leakyRelu(x, 0.2);   // F.leaky_relu(x, 0.2) }</pre> */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return Activations.leakyRelu(x, negativeSlope);
    }

    /** <pre>{@code elu(x);   // F.elu(x) }</pre> */
    public static Tensor elu(Tensor x) {
        return Activations.elu(x);
    }

    /** <pre>{@code elu(x, 0.5);   // F.elu(x, alpha=0.5) }</pre> */
    public static Tensor elu(Tensor x, double alpha) {
        return Activations.elu(x, alpha);
    }

    /** <pre>{@code selu(x);   // F.selu(x) }</pre> */
    public static Tensor selu(Tensor x) {
        return Activations.selu(x);
    }

    /** <pre>{@code hardtanh(x);   // F.hardtanh(x) }</pre> */
    public static Tensor hardtanh(Tensor x) {
        return Activations.hardtanh(x);
    }

    /** <pre>{@code hardtanh(x, -2, 2);   // F.hardtanh(x, -2., 2.) }</pre> */
    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        return Activations.hardtanh(x, minVal, maxVal);
    }

    /** <pre>{@code logsigmoid(x);   // F.logsigmoid(x) }</pre> */
    public static Tensor logsigmoid(Tensor x) {
        return Activations.logSigmoid(x);
    }

    // ------------------------------------------------------------------------------------------------
    // Layers

    /**
     * {@code x W^T + b} (b may be null).
     *
     * <pre>{@code linear(x, w, b);   // F.linear(x, w, b) }</pre>
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        if (x.dim() >= 1 && weight.dim() == 2 && x.size(-1) != weight.size(1)) {
            int rows = x.numel() / Math.max(x.size(-1), 1);
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + rows + "x"
                    + x.size(-1) + " and " + weight.size(1) + "x" + weight.size(0) + ")");
        }
        if (x.dtype() != weight.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + scalarName(weight) + " but found "
                    + scalarName(x));
        }
        if (x.dim() == 0 || weight.dim() != 2) {
            Tensor y = LinearAlgebra.matmul(x, Views.t(weight));
            return bias == null ? y : Arithmetic.add(y, bias, 1);
        }
        return Affine.linear(x, weight, bias);
    }

    private static String scalarName(Tensor t) {
        switch (t.dtype()) {
            case FLOAT64: return "Double";
            case INT64: return "Long";
            case BOOL: return "Bool";
            default: return "Float";
        }
    }

    /** <pre>{@code dropout(x, 0.5, true);   // F.dropout(x, 0.5, training=True) }</pre> */
    public static Tensor dropout(Tensor x, double p, boolean training) {
        return io.jgrad.ops.Dropout.dropout(x, p, training);
    }

    /** <pre>{@code dropout(x, 0.5);   // F.dropout(x, 0.5) }</pre> */
    public static Tensor dropout(Tensor x, double p) {
        return dropout(x, p, true);
    }

    /** <pre>{@code embedding(idx, w);   // F.embedding(idx, w) }</pre> */
    public static Tensor embedding(Tensor indices, Tensor weight) {
        return Embeddings.embedding(indices, weight, null);
    }

    /** <pre>{@code embedding(idx, w, 0);   // F.embedding(idx, w, padding_idx=0) }</pre> */
    public static Tensor embedding(Tensor indices, Tensor weight, Integer paddingIdx) {
        return Embeddings.embedding(indices, weight, paddingIdx);
    }

    /** <pre>{@code layerNorm(x, new int[] {4}, w, b, 1e-5);   // F.layer_norm(x, (4,), w, b, 1e-5) }</pre> */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return Normalization.layerNorm(x, normalizedShape, weight, bias, eps);
    }

    /** <pre>{@code layerNorm(x, new int[] {4});   // F.layer_norm(x, (4,)) }</pre> */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape) {
        return Normalization.layerNorm(x, normalizedShape, null, null, 1e-5);
    }

    /**
     * <pre>{@code batchNorm(x, rm, rv, w, b, true, 0.1, 1e-5);
     * // F.batch_norm(x, rm, rv, w, b, training=True, momentum=0.1, eps=1e-5)}</pre>
     */
    public static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training, double momentum, double eps) {
        return Normalization.batchNorm(x, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    // ------------------------------------------------------------------------------------------------
    // Losses

    /** <pre>{@code mseLoss(y, t);   // F.mse_loss(y, t) }</pre> */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return Losses.mse(input, target, "mean");
    }

    /** <pre>{@code mseLoss(y, t, "sum");   // F.mse_loss(y, t, reduction='sum') }</pre> */
    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) {
        return Losses.mse(input, target, reduction);
    }

    /** <pre>{@code l1Loss(y, t);   // F.l1_loss(y, t) }</pre> */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return Losses.l1(input, target, "mean");
    }

    /** <pre>{@code l1Loss(y, t, "sum");   // F.l1_loss(y, t, reduction='sum') }</pre> */
    public static Tensor l1Loss(Tensor input, Tensor target, String reduction) {
        return Losses.l1(input, target, reduction);
    }

    /** <pre>{@code smoothL1Loss(y, t);   // F.smooth_l1_loss(y, t) }</pre> */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return Losses.smoothL1(input, target, "mean", 1.0);
    }

    /** <pre>{@code smoothL1Loss(y, t, "sum", 0.5);   // F.smooth_l1_loss(y, t, reduction='sum', beta=0.5) }</pre> */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, String reduction, double beta) {
        return Losses.smoothL1(input, target, reduction, beta);
    }

    /** <pre>{@code huberLoss(y, t);   // F.huber_loss(y, t) }</pre> */
    public static Tensor huberLoss(Tensor input, Tensor target) {
        return Losses.huber(input, target, "mean", 1.0);
    }

    /** <pre>{@code huberLoss(y, t, "sum", 2);   // F.huber_loss(y, t, reduction='sum', delta=2.) }</pre> */
    public static Tensor huberLoss(Tensor input, Tensor target, String reduction, double delta) {
        return Losses.huber(input, target, reduction, delta);
    }

    /** <pre>{@code binaryCrossEntropy(p, t);   // F.binary_cross_entropy(p, t) }</pre> */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropy(input, target, null, "mean");
    }

    /** <pre>{@code binaryCrossEntropy(p, t, w, "sum");   // F.binary_cross_entropy(p, t, w, reduction='sum') }</pre> */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, String reduction) {
        return Losses.binaryCrossEntropy(input, target, weight, reduction);
    }

    /** <pre>{@code binaryCrossEntropyWithLogits(z, t);   // F.binary_cross_entropy_with_logits(z, t) }</pre> */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropyWithLogits(input, target, null, null, "mean");
    }

    /**
     * <pre>{@code binaryCrossEntropyWithLogits(z, t, w, pw, "mean");
     * // F.binary_cross_entropy_with_logits(z, t, w, reduction='mean', pos_weight=pw)}</pre>
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
            String reduction) {
        return Losses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }

    /** <pre>{@code crossEntropy(z, t);   // F.cross_entropy(z, t) }</pre> */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return Losses.crossEntropy(input, target, null, Losses.IGNORE_INDEX, "mean", 0.0);
    }

    /**
     * <pre>{@code crossEntropy(z, t, w, -100, "mean", 0.1);
     * // F.cross_entropy(z, t, w, ignore_index=-100, reduction='mean', label_smoothing=0.1)}</pre>
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction,
            double labelSmoothing) {
        return Losses.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }

    /** <pre>{@code nllLoss(logp, t);   // F.nll_loss(logp, t) }</pre> */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return Losses.nllLoss(input, target, null, Losses.IGNORE_INDEX, "mean");
    }

    /** <pre>{@code nllLoss(logp, t, w, 0, "sum");   // F.nll_loss(logp, t, w, ignore_index=0, reduction='sum') }</pre> */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction) {
        return Losses.nllLoss(input, target, weight, ignoreIndex, reduction);
    }
}
