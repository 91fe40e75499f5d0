package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.GradMode;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.ModeGuard;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.SavedTensor;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.BinaryOp;
import io.jgrad.kernel.CompareOp;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Loss functions, each a primitive: the forward computes the elementwise loss and its reduction without
 * recording, one node holds the closed-form backward (PyTorch's derivatives.yaml formula), written with
 * differentiable ops. {@code reduction} is "mean" (default in PyTorch), "sum" or "none".
 * Cross-entropy is log-softmax followed by NLL, as in PyTorch.
 */
public final class Losses {
    private Losses() {}

    /** PyTorch's default {@code ignore_index}. */
    public static final long IGNORE_INDEX = -100;

    private enum Reduction { NONE, MEAN, SUM }

    /**
     * Mean squared error, {@code (x - t)^2} reduced. {@code mse_loss: 2 (x - t) grad} (and its negative for t).
     *
     * <pre>{@code Losses.mse(x, t, "mean");   // F.mse_loss(x, t) }</pre>
     *
     * @throws IllegalArgumentException for a bad reduction or shapes that do not broadcast (PyTorch's messages)
     */
    public static Tensor mse(Tensor input, Tensor target, String reduction) {
        Reduction r = reduction(reduction);
        Arithmetic.broadcastShape(input, target);
        Tensor diff = raw(() -> Arithmetic.sub(input, target, 1));
        return elementwise("MseLossBackward0", input, target, r, raw(() -> Arithmetic.mul(diff, diff)),
                (x, t) -> Arithmetic.scale(Arithmetic.sub(x, t, 1), 2), (x, t) -> Arithmetic.scale(Arithmetic.sub(x, t, 1), -2));
    }

    /**
     * Mean absolute error, {@code |x - t|} reduced. Backward {@code sign(x - t) grad}.
     *
     * <pre>{@code Losses.l1(x, t, "mean");   // F.l1_loss(x, t) }</pre>
     */
    public static Tensor l1(Tensor input, Tensor target, String reduction) {
        Reduction r = reduction(reduction);
        Arithmetic.broadcastShape(input, target);
        requireFloatingMean(input, target, r);
        Tensor loss = raw(() -> Pointwise.abs(Arithmetic.sub(input, target, 1)));
        return elementwise("L1LossBackward0", input, target, r, loss,
                (x, t) -> Pointwise.sign(Arithmetic.sub(x, t, 1)).detach(),
                (x, t) -> Pointwise.neg(Pointwise.sign(Arithmetic.sub(x, t, 1))).detach());
    }

    /**
     * Smooth L1: {@code 0.5 d^2 / beta} where {@code |d| < beta}, else {@code |d| - 0.5 beta}, d = x - t.
     * {@code smooth_l1_loss: smooth_l1_loss_backward}: {@code clamp(d / beta, -1, 1) grad} (sign(d) when beta is 0).
     *
     * <pre>{@code Losses.smoothL1(x, t, "mean", 1.0);   // F.smooth_l1_loss(x, t, beta=1.0) }</pre>
     *
     * @throws IllegalArgumentException if beta is negative (PyTorch's message)
     */
    public static Tensor smoothL1(Tensor input, Tensor target, String reduction, double beta) {
        Reduction r = reduction(reduction);
        if (beta < 0) {
            throw new IllegalArgumentException("smooth_l1_loss does not support negative values for beta.");
        }
        if (beta == 0) {
            return l1(input, target, reduction);
        }
        Arithmetic.broadcastShape(input, target);
        Tensor loss = raw(() -> {
            Tensor d = Pointwise.abs(Arithmetic.sub(input, target, 1));
            Tensor quad = Arithmetic.scale(Arithmetic.mul(d, d), 0.5 / beta);
            Tensor lin = Arithmetic.sub(d, Activations.c(0.5 * beta, d), 1);
            return Indexing.where(Dispatch.compare(CompareOp.LT, d, Activations.c(beta, d)), quad, lin);
        });
        return elementwise("SmoothL1LossBackward0", input, target, r, loss,
                (x, t) -> Pointwise.clamp(Arithmetic.scale(Arithmetic.sub(x, t, 1), 1 / beta), -1, 1),
                (x, t) -> Pointwise.clamp(Arithmetic.scale(Arithmetic.sub(t, x, 1), 1 / beta), -1, 1));
    }

    /**
     * Huber loss: {@code 0.5 d^2} where {@code |d| <= delta}, else {@code delta (|d| - 0.5 delta)}.
     * {@code huber_loss: huber_loss_backward}: {@code clamp(d, -delta, delta) grad}.
     *
     * <pre>{@code Losses.huber(x, t, "mean", 1.0);   // F.huber_loss(x, t, delta=1.0) }</pre>
     *
     * @throws IllegalArgumentException if delta is not positive (PyTorch's message)
     */
    public static Tensor huber(Tensor input, Tensor target, String reduction, double delta) {
        Reduction r = reduction(reduction);
        if (!(delta > 0)) {
            throw new IllegalArgumentException("huber_loss does not support non-positive values for delta.");
        }
        Arithmetic.broadcastShape(input, target);
        Tensor loss = raw(() -> {
            Tensor d = Pointwise.abs(Arithmetic.sub(input, target, 1));
            Tensor quad = Arithmetic.scale(Arithmetic.mul(d, d), 0.5);
            Tensor lin = Arithmetic.scale(Arithmetic.sub(d, Activations.c(0.5 * delta, d), 1), delta);
            return Indexing.where(Dispatch.compare(CompareOp.LE, d, Activations.c(delta, d)), quad, lin);
        });
        return elementwise("HuberLossBackward0", input, target, r, loss,
                (x, t) -> Pointwise.clamp(Arithmetic.sub(x, t, 1), -delta, delta),
                (x, t) -> Pointwise.clamp(Arithmetic.sub(t, x, 1), -delta, delta));
    }

    /**
     * Binary cross-entropy of probabilities, {@code -w (t log x + (1 - t) log(1 - x))} with each log clamped
     * at -100 as in PyTorch. {@code binary_cross_entropy: grad w (x - t) / max(x (1 - x), 1e-12)}; for the
     * target {@code grad w (log(1 - x) - log x)}.
     *
     * <pre>{@code Losses.binaryCrossEntropy(p, t, null, "mean");   // F.binary_cross_entropy(p, t) }</pre>
     *
     * @param weight per-element rescaling broadcast to the input, or null
     * @throws IllegalArgumentException if shapes differ or an input is outside [0, 1] (PyTorch's messages)
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, String reduction) {
        Reduction r = reduction(reduction);
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException("Using a target size (" + Shapes.str(target.shape()) + ") that is "
                    + "different to the input size (" + Shapes.str(input.shape()) + ") is deprecated. Please ensure "
                    + "they have the same size.");
        }
        if (target.dtype() != input.dtype()) {
            throw new IllegalArgumentException("Found dtype " + Shapes.typeName(target.dtype()) + " but expected "
                    + Shapes.typeName(input.dtype()));
        }
        NnKernels.requireFloating(input, "binary_cross_entropy");
        Tensor w = weight == null ? null : expandWeight(weight, input);
        if (!NnKernels.allWithin(input, 0, 1)) {
            throw new IllegalArgumentException("all elements of input should be between 0 and 1");
        }
        Tensor loss = raw(() -> {
            // One kernel for -(t max(log x, -100) + (1 - t) max(log(1 - x), -100)), the same bits as those ops.
            Tensor l = Dispatch.binary(BinaryOp.BINARY_CROSS_ENTROPY, input, target, input.dtype());
            return w == null ? l : Arithmetic.mul(l, w);
        });
        return elementwise("BinaryCrossEntropyBackward0", input, target, r, loss,
                (x, t) -> weighted(bceInputDerivative(x, t), w),
                (x, t) -> weighted(Arithmetic.sub(Pointwise.log(Arithmetic.sub(Activations.c(1, x), x, 1)),
                        Pointwise.log(x), 1), w));
    }

    /**
     * d/dx of the binary cross-entropy, {@code (x - t) / max(x (1 - x), 1e-12)}: one kernel (the same bits) when
     * the backward is not recorded, else differentiable ops.
     */
    private static Tensor bceInputDerivative(Tensor x, Tensor t) {
        if (!GradMode.isEnabled()) {
            return Dispatch.binary(BinaryOp.BINARY_CROSS_ENTROPY_BACKWARD, x, t, x.dtype());
        }
        return Arithmetic.div(Arithmetic.sub(x, t, 1), Pointwise.clamp(
                Arithmetic.mul(x, Arithmetic.sub(Activations.c(1, x), x, 1)), 1e-12, Double.NaN));
    }

    /**
     * Binary cross-entropy on logits, stable: {@code (1 - t) x - lw logsigmoid(x)} with
     * {@code lw = (posWeight - 1) t + 1}, times weight. {@code binary_cross_entropy_with_logits}: for the input
     * {@code grad w ((posWeight t + 1 - t) sigmoid(x) - posWeight t)}, for the target
     * {@code -grad w (x + (posWeight - 1) logsigmoid(x))}.
     *
     * <pre>{@code Losses.binaryCrossEntropyWithLogits(z, t, null, pw, "mean");
     * // F.binary_cross_entropy_with_logits(z, t, pos_weight=pw)}</pre>
     *
     * @param weight per-element rescaling broadcast to the input, or null
     * @param posWeight weight of positive examples broadcast along the classes (last dimension), or null
     * @throws IllegalArgumentException if the target's shape differs from the input's (PyTorch's message)
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
            String reduction) {
        Reduction r = reduction(reduction);
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException("Target size (" + Shapes.str(target.shape()) + ") must be the same as "
                    + "input size (" + Shapes.str(input.shape()) + ")");
        }
        NnKernels.requireFloating(input, "binary_cross_entropy_with_logits");
        Tensor w = weight == null ? null : expandWeight(weight, input);
        if (posWeight != null) {
            Arithmetic.broadcastShape(posWeight, target);
        }
        Tensor loss = raw(() -> {
            Tensor logSig = Activations.logSigmoid(input);
            if (posWeight != null) {
                logSig = Arithmetic.mul(logSig, logWeight(posWeight, target));
            }
            Tensor l = Arithmetic.sub(Arithmetic.mul(Arithmetic.sub(Activations.c(1, target), target, 1), input),
                    logSig, 1);
            return w == null ? l : Arithmetic.mul(l, w);
        });
        return elementwise("BinaryCrossEntropyWithLogitsBackward0", input, target, r, loss,
                (x, t) -> {
                    Tensor s = Pointwise.sigmoid(x);
                    if (posWeight == null) {
                        return weighted(Arithmetic.sub(s, t, 1), w);
                    }
                    Tensor pt = Arithmetic.mul(posWeight, t);
                    Tensor coef = Arithmetic.sub(Arithmetic.add(pt, Activations.c(1, t), 1), t, 1);
                    return weighted(Arithmetic.sub(Arithmetic.mul(coef, s), pt, 1), w);
                },
                (x, t) -> {
                    Tensor d = posWeight == null ? x : Arithmetic.add(x, Arithmetic.mul(
                            Arithmetic.sub(posWeight, Activations.c(1, posWeight), 1), Activations.logSigmoid(x)), 1);
                    return weighted(Pointwise.neg(d), w);
                });
    }

    /** {@code (posWeight - 1) * t + 1}. */
    private static Tensor logWeight(Tensor posWeight, Tensor t) {
        return Arithmetic.add(Arithmetic.mul(Arithmetic.sub(posWeight, Activations.c(1, posWeight), 1), t),
                Activations.c(1, t), 1);
    }

    /**
     * Negative log-likelihood of log-probabilities {@code input} ([C], [N, C] or [N, C, d1, ...]) at class
     * indices {@code target} (INT64: [], [N] or [N, d1, ...]): {@code -w[t] x[t]}, zero where the target is
     * {@code ignoreIndex}; "mean" divides by the summed weights of the counted targets.
     * {@code nll_loss: nll_loss_backward}: {@code -w[t] grad} scattered to the target class.
     *
     * <pre>{@code Losses.nllLoss(logp, t, null, -100, "mean");   // F.nll_loss(logp, t) }</pre>
     *
     * @param weight per-class weights ([C]) or null
     * @throws IllegalArgumentException for bad shapes, dtypes or weights (PyTorch's messages)
     * @throws IndexOutOfBoundsException for a target outside [0, C) that is not ignoreIndex
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction) {
        Reduction r = reduction(reduction);
        int dim = input.dim();
        if (dim < 1) {
            throw new IllegalArgumentException("Expected 1 or more dimensions (got " + dim + ")");
        }
        if (dim != 1 && (target.dim() == 0 || input.size(0) != target.size(0))) {
            throw new IllegalArgumentException("Expected input batch_size (" + input.size(0) + ") to match target "
                    + "batch_size (" + (target.dim() == 0 ? 0 : target.size(0)) + ").");
        }
        if (dim <= 2) {
            if (target.dim() > 1) {
                throw new IllegalArgumentException("0D or 1D target tensor expected, multi-target not supported");
            }
            if (!(dim == 1 && target.dim() == 0) && input.size(0) != target.size(0)) {
                throw new IllegalArgumentException("size mismatch (got input: " + Shapes.str(input.shape())
                        + ", target: " + Shapes.str(target.shape()) + ")");
            }
        } else {
            int[] is = input.shape();
            int[] ts = target.shape();
            int[] expected = new int[is.length - 1];
            expected[0] = is[0];
            System.arraycopy(is, 2, expected, 1, is.length - 2);
            if (!Arrays.equals(expected, ts)) {
                if (dim == 4) {
                    throw new IllegalArgumentException("size mismatch (got input: " + Shapes.str(is) + " , target: "
                            + Shapes.str(ts));
                }
                throw new IllegalArgumentException("Expected target size " + Shapes.str(expected) + ", got "
                        + Shapes.str(ts));
            }
        }
        if (target.dtype() != DType.INT64) {
            throw new IllegalArgumentException("expected scalar type Long but found "
                    + Shapes.typeName(target.dtype()));
        }
        int classes = input.size(dim == 1 ? 0 : 1);
        checkClassWeight(weight, classes, "");
        NnKernels.requireFloating(input, "nll_loss_forward_reduce_cuda_kernel_2d_index");
        long[] t = target.toLongArray();
        for (long v : t) {
            if (v != ignoreIndex && (v < 0 || v >= classes)) {
                throw new IndexOutOfBoundsException("Target " + v + " is out of bounds.");
            }
        }
        if (dim == 1) {
            Tensor out = nll2d(Views.unsqueeze(input, 0), t, weight, ignoreIndex, r);
            return r == Reduction.NONE ? Views.squeeze(out, 0) : out;
        }
        if (dim == 2) {
            return nll2d(input, t, weight, ignoreIndex, r);
        }
        int[] perm = new int[dim];
        perm[0] = 0;
        for (int i = 2; i < dim; i++) {
            perm[i - 1] = i;
        }
        perm[dim - 1] = 1;
        Tensor flat = Views.reshape(Views.permute(input, perm), new int[] {-1, classes});
        Tensor out = nll2d(flat, t, weight, ignoreIndex, r);
        return r == Reduction.NONE ? Views.reshape(out, target.shape()) : out;
    }

    /** NLL of [N, C] log-probabilities at validated targets t (length N); the primitive with the node. */
    private static Tensor nll2d(Tensor input, long[] t, Tensor weight, long ignoreIndex, Reduction r) {
        int n = input.size(0);
        int classes = input.size(1);
        long[] safe = new long[n];
        double[] kept = new double[n];
        for (int i = 0; i < n; i++) {
            boolean ignored = t[i] == ignoreIndex;
            safe[i] = ignored ? 0 : t[i];
            kept[i] = ignored ? 0 : 1;
        }
        DType dt = input.dtype();
        Tensor index = Torch.tensor(safe).view(n, 1);
        Tensor w = raw(() -> {
            Tensor k = Torch.tensor(kept, dt);
            return weight == null ? k : Arithmetic.mul(k, Indexing.indexSelect(weight.to(dt), 0,
                    Views.reshape(index, new int[] {-1})));
        });
        Tensor totalWeight = raw(() -> Reductions.sum(w));
        Tensor out = raw(() -> {
            Tensor picked = Views.reshape(Indexing.gather(input, 1, index), new int[] {n});
            Tensor l = Pointwise.neg(Arithmetic.mul(w, picked));
            switch (r) {
                case NONE: return Copying.clone(l);
                case SUM: return Reductions.sum(l);
                default: return Arithmetic.div(Reductions.sum(l), totalWeight);
            }
        });
        if (Graph.needsGrad(input)) {
            int[] shape = {n, classes};
            Graph.record(out, new Node("NllLossBackward0", input) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor gi = r == Reduction.MEAN ? Arithmetic.div(g[0], totalWeight) : g[0];
                    Tensor rows = Pointwise.neg(Arithmetic.mul(w, gi));
                    Tensor src = Views.reshape(r == Reduction.NONE ? rows : Views.expand(rows, new int[] {n}),
                            new int[] {n, 1});
                    return new Tensor[] {Indexing.scatterAddIntoZeros(src, 1, index, shape)};
                }
            });
        }
        return out;
    }

    /**
     * Cross-entropy of unnormalised scores {@code input} ([C], [N, C] or [N, C, d1, ...]) against class indices
     * (INT64 target, as {@link #nllLoss}) or class probabilities (a floating target of the input's shape), with
     * optional class weights and label smoothing, exactly as PyTorch composes it from log_softmax and nll_loss.
     *
     * <pre>{@code Losses.crossEntropy(z, t, null, -100, "mean", 0.1);
     * // F.cross_entropy(z, t, label_smoothing=0.1)}</pre>
     *
     * @throws IllegalArgumentException for bad shapes, dtypes, weights or label smoothing (PyTorch's messages)
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction,
            double labelSmoothing) {
        Reduction r = reduction(reduction);
        int classDim = input.dim() == 1 ? 0 : 1;
        if (input.dim() >= 1 && Arrays.equals(input.shape(), target.shape())) {
            if (!target.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException("Expected floating point type for target with class "
                        + "probabilities, got " + Shapes.typeName(target.dtype()));
            }
            if (ignoreIndex >= 0) {
                throw new IllegalArgumentException("ignore_index is not supported for floating point target");
            }
            int classes = input.size(classDim);
            checkClassWeight(weight, classes, "cross_entropy: ");
            checkSmoothing(labelSmoothing);
            Tensor logp = Activations.logSoftmax(input, classDim);
            Tensor t = labelSmoothing > 0 ? Arithmetic.add(Arithmetic.scale(target, 1 - labelSmoothing),
                    Activations.c(labelSmoothing / classes, target), 1) : target;
            Tensor prod = Arithmetic.mul(logp, t);
            if (weight != null) {
                prod = Arithmetic.mul(prod, classView(weight, input.dim(), classDim));
            }
            switch (r) {
                case NONE: return Pointwise.neg(Reductions.sum(prod, new int[] {classDim}, false));
                case SUM: return Pointwise.neg(Reductions.sum(prod));
                default:
                    return Arithmetic.div(Pointwise.neg(Reductions.sum(prod)),
                            Activations.c((double) (input.numel() / classes), prod));
            }
        }
        if (labelSmoothing > 0) {
            checkSmoothing(labelSmoothing);
        }
        if (input.dim() < 1) {
            throw new IllegalArgumentException("Expected 1 or more dimensions (got 0)");
        }
        Tensor logp = Activations.logSoftmax(input, classDim);
        Tensor nll = nllLoss(logp, target, weight, ignoreIndex, reduction);
        if (labelSmoothing <= 0) {
            return nll;
        }
        int classes = input.size(classDim);
        Tensor ignored = Dispatch.compare(CompareOp.EQ, target, Torch.tensor(new long[] {ignoreIndex}).reshape());
        Tensor weighted = weight == null ? logp : Arithmetic.mul(logp, classView(weight, input.dim(), classDim));
        Tensor smooth = Indexing.maskedFill(Pointwise.neg(Reductions.sum(weighted, new int[] {classDim}, false)),
                ignored, 0);
        Tensor ret;
        switch (r) {
            case NONE: ret = smooth; break;
            case SUM: ret = Reductions.sum(smooth); break;
            default: {
                Tensor denom;
                if (weight != null) {
                    Tensor kept = Dispatch.compare(CompareOp.NE, target, Torch.tensor(new long[] {ignoreIndex})
                            .reshape());
                    Tensor safe = Indexing.where(kept, target, Torch.tensor(new long[] {0}).reshape());
                    Tensor wt = Indexing.indexSelect(weight.detach(), 0, Views.reshape(safe, new int[] {-1}));
                    denom = Reductions.sum(Arithmetic.mul(wt, Views.reshape(Dispatch.convert(kept, wt.dtype()),
                            new int[] {-1})));
                } else {
                    denom = Reductions.sum(Dispatch.convert(
                            Dispatch.compare(CompareOp.NE, target, Torch.tensor(new long[] {ignoreIndex}).reshape()),
                            DType.INT64));
                }
                ret = Arithmetic.div(Reductions.sum(smooth), denom);
            }
        }
        return Arithmetic.add(Arithmetic.scale(nll, 1 - labelSmoothing),
                Arithmetic.scale(ret, labelSmoothing / classes), 1);
    }

    // ------------------------------------------------------------------------------------------------

    /** How an elementwise loss's derivative is computed from (input, target) inside backward. */
    private interface Derivative {
        Tensor at(Tensor input, Tensor target);
    }

    /**
     * Reduces an elementwise loss and records one node whose backward is {@code dInput(x, t) * g'} for the
     * input and {@code dTarget(x, t) * g'} for the target, g' being g (none, sum) or g / n (mean) broadcast.
     */
    private static Tensor elementwise(String name, Tensor input, Tensor target, Reduction r, Tensor loss,
            Derivative dInput, Derivative dTarget) {
        int n = loss.numel();
        Tensor out = raw(() -> reduce(loss, r));
        if (Graph.needsGrad(input, target)) {
            Graph.record(out, new Node(name, input, target) {
                final SavedTensor si = save(input);
                final SavedTensor st = save(target);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor x = si.unpack();
                    Tensor t = st.unpack();
                    Tensor gg = r == Reduction.MEAN ? Arithmetic.div(g[0], Activations.c(n, g[0])) : g[0];
                    return new Tensor[] {
                        needsInputGrad(0) ? Arithmetic.mul(gg, dInput.at(x, t)) : null,
                        needsInputGrad(1) ? Arithmetic.mul(gg, dTarget.at(x, t)) : null};
                }
            });
        }
        return out;
    }

    private static Tensor reduce(Tensor loss, Reduction r) {
        switch (r) {
            case NONE: return loss;
            case SUM: return Reductions.sum(loss);
            default: return Reductions.mean(loss);
        }
    }

    private static Tensor weighted(Tensor d, Tensor w) {
        return w == null ? d : Arithmetic.mul(d, w);
    }

    /** The weight expanded to the input's shape (PyTorch's binary_cross_entropy does the same), detached. */
    private static Tensor expandWeight(Tensor weight, Tensor input) {
        int[] shape = Shapes.broadcast(input.shape(), weight.shape());
        if (!Arrays.equals(shape, input.shape())) {
            throw new IllegalArgumentException("The size of tensor a (" + input.numel() + ") must match the size of "
                    + "tensor b (" + weight.numel() + ") at non-singleton dimension 0");
        }
        return weight.detach();
    }

    /** A [C] weight viewed to broadcast along the class dimension of a rank-{@code rank} input. */
    private static Tensor classView(Tensor weight, int rank, int classDim) {
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        shape[classDim] = weight.numel();
        return Views.reshape(weight.detach(), shape);
    }

    private static void checkClassWeight(Tensor weight, int classes, String prefix) {
        if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
            throw new IllegalArgumentException(prefix + "weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape: " + Shapes.str(weight.shape()));
        }
    }

    private static void checkSmoothing(double s) {
        if (s < 0 || s > 1) {
            throw new IllegalArgumentException("label_smoothing must be between 0.0 and 1.0. Got: " + cppDouble(s));
        }
    }

    private static void requireFloatingMean(Tensor input, Tensor target, Reduction r) {
        DType d = Dispatch.resultType(input, target);
        if (!d.isFloatingPoint() && r == Reduction.MEAN) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a "
                    + "floating point or complex dtype. Got: " + Shapes.typeName(d));
        }
    }

    /** PyTorch's reduction names; its message for another. */
    private static Reduction reduction(String name) {
        if ("mean".equals(name)) {
            return Reduction.MEAN;
        }
        if ("sum".equals(name)) {
            return Reduction.SUM;
        }
        if ("none".equals(name)) {
            return Reduction.NONE;
        }
        throw new IllegalArgumentException(name + " is not a valid value for reduction");
    }

    /** A double as C++'s ostream prints it (6 significant digits, no trailing zeros). */
    static String cppDouble(double v) {
        String s = String.format("%.6g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            String m = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return m + "e" + parts[1];
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Runs a forward computation without recording. */
    static Tensor raw(Supplier<Tensor> body) {
        try (ModeGuard g = Torch.noGrad()) {
            return body.get();
        }
    }
}
