package io.jgrad.ops;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.SavedTensor;
import io.jgrad.internal.Shapes;
import java.util.Arrays;

/**
 * Layer and batch normalisation. In training both are one primitive (PyTorch's native_layer_norm /
 * native_batch_norm) whose backward is the closed form
 * {@code dx = rstd (dxhat - mean(dxhat) - xhat mean(dxhat xhat))}, {@code dw = sum(g xhat)}, {@code db = sum(g)},
 * with xhat and rstd recomputed from the saved input by differentiable ops so that double backward works.
 */
public final class Normalization {
    private Normalization() {}

    /**
     * Layer normalisation over the trailing {@code normalizedShape} dimensions: {@code (x - mean) / sqrt(var + eps)
     * * weight + bias}, biased variance. NativeLayerNormBackward0.
     *
     * <pre>{@code Normalization.layerNorm(x, new int[] {4}, w, b, 1e-5);   // F.layer_norm(x, (4,), w, b, 1e-5) }</pre>
     *
     * @param weight elementwise scale of shape normalizedShape, or null
     * @param bias elementwise shift of shape normalizedShape, or null
     * @throws IllegalArgumentException if the shapes do not fit (PyTorch's messages)
     */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int[] shape = x.shape();
        int k = normalizedShape.length;
        if (weight != null && !Arrays.equals(weight.shape(), normalizedShape)) {
            throw new IllegalArgumentException("Expected weight to be of same shape as normalized_shape, but got weight "
                    + "of shape " + Shapes.str(weight.shape()) + " and normalized_shape = " + Shapes.str(normalizedShape));
        }
        if (bias != null && !Arrays.equals(bias.shape(), normalizedShape)) {
            throw new IllegalArgumentException("Expected bias to be of same shape as normalized_shape, but got bias "
                    + "of shape " + Shapes.str(bias.shape()) + " and normalized_shape = " + Shapes.str(normalizedShape));
        }
        if (k == 0 || shape.length < k
                || !Arrays.equals(Arrays.copyOfRange(shape, shape.length - k, shape.length), normalizedShape)) {
            StringBuilder expected = new StringBuilder("[*");
            for (int s : normalizedShape) {
                expected.append(", ").append(s);
            }
            throw new IllegalArgumentException("Given normalized_shape=" + Shapes.str(normalizedShape)
                    + ", expected input with shape " + expected + "], but got input of size" + Shapes.str(shape));
        }
        NnKernels.requireFloating(x, "LayerNormKernelImpl");
        int[] statDims = new int[k];
        for (int i = 0; i < k; i++) {
            statDims[i] = shape.length - k + i;
        }
        return normalize("NativeLayerNormBackward0", x, statDims, weight, bias, normalizedShape, eps);
    }

    /**
     * Batch normalisation of [N, C] or [N, C, L] input per channel C. In training it normalises with the batch
     * statistics (biased variance) and, when running stats are given, updates them in place under no-grad:
     * {@code running = (1 - momentum) running + momentum stat} (unbiased variance). In eval it uses the running
     * statistics. NativeBatchNormBackward0.
     *
     * <pre>{@code Normalization.batchNorm(x, rm, rv, w, b, true, 0.1, 1e-5);
     * // F.batch_norm(x, rm, rv, w, b, training=True, momentum=0.1, eps=1e-5)}</pre>
     *
     * @throws IllegalArgumentException for running stats or parameters of the wrong size, or a single value per
     *     channel in training (PyTorch's messages)
     */
    public static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training, double momentum, double eps) {
        int[] shape = x.shape();
        if (shape.length < 2) {
            throw new IllegalArgumentException("expected 2D or 3D input (got " + shape.length + "D input)");
        }
        int c = shape[1];
        checkChannels("running_mean", runningMean, c);
        checkChannels("running_var", runningVar, c);
        checkChannels("weight", weight, c);
        checkChannels("bias", bias, c);
        NnKernels.requireFloating(x, "batch_norm");
        int[] view = new int[shape.length];
        Arrays.fill(view, 1);
        view[1] = c;
        if (!training) {
            if (runningMean == null || runningVar == null) {
                throw new IllegalArgumentException("running_mean and running_var must be defined in evaluation mode");
            }
            Tensor rm = Views.reshape(runningMean.detach(), view);
            Tensor rstd = Losses.raw(() -> Arithmetic.pow(Arithmetic.add(Views.reshape(runningVar.detach(), view),
                    Activations.c(eps, runningVar), 1), -0.5));
            Tensor y = Arithmetic.mul(Arithmetic.sub(x, rm, 1), rstd);
            if (weight != null) {
                y = Arithmetic.mul(y, Views.reshape(weight, view));
            }
            return bias == null ? y : Arithmetic.add(y, Views.reshape(bias, view), 1);
        }
        int count = x.numel() / Math.max(c, 1);
        if (count == 1) {
            throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
                    + Shapes.str(shape));
        }
        int[] statDims = new int[shape.length - 1];
        statDims[0] = 0;
        for (int i = 2; i < shape.length; i++) {
            statDims[i - 1] = i;
        }
        Tensor out = normalize("NativeBatchNormBackward0", x, statDims, weight, bias, view, eps);
        if (runningMean != null || runningVar != null) {
            Torch.noGrad(() -> {
                Tensor mean = Views.reshape(Reductions.mean(x, statDims, false), new int[] {c});
                if (runningMean != null) {
                    runningMean.mul_(1 - momentum).add_(mean.to(runningMean.dtype()), momentum);
                }
                if (runningVar != null) {
                    Tensor centred = Arithmetic.sub(x, Views.reshape(mean, view), 1);
                    Tensor sq = Reductions.sum(Arithmetic.mul(centred, centred), statDims, false);
                    Tensor unbiased = Arithmetic.div(Views.reshape(sq, new int[] {c}), Activations.c(count - 1, sq));
                    runningVar.mul_(1 - momentum).add_(unbiased.to(runningVar.dtype()), momentum);
                }
            });
        }
        return out;
    }

    private static void checkChannels(String name, Tensor t, int c) {
        if (t != null && t.numel() != c) {
            throw new IllegalArgumentException(name + " should contain " + c + " elements not " + t.numel());
        }
    }

    /**
     * (x - mean) rstd * w + b over statDims, w and b viewed as {@code paramView}; one node with the closed-form
     * backward for x, w and b.
     */
    private static Tensor normalize(String name, Tensor x, int[] statDims, Tensor weight, Tensor bias,
            int[] paramView, double eps) {
        Tensor out = Losses.raw(() -> affine(xhat(x, statDims, eps), weight, bias, paramView));
        if (Graph.needsGrad(x, weight, bias)) {
            Graph.record(out, new Node(name, x, weight, bias) {
                final SavedTensor sx = save(x);
                final SavedTensor sw = weight == null ? null : save(weight);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor xv = sx.unpack();
                    Tensor xh = xhat(xv, statDims, eps);
                    Tensor dxhat = sw == null ? g[0] : Arithmetic.mul(g[0], Views.reshape(sw.unpack(), paramView));
                    Tensor dx = null;
                    if (needsInputGrad(0)) {
                        Tensor rstd = rstd(xv, statDims, eps);
                        Tensor m1 = Reductions.mean(dxhat, statDims, true);
                        Tensor m2 = Reductions.mean(Arithmetic.mul(dxhat, xh), statDims, true);
                        dx = Arithmetic.mul(rstd, Arithmetic.sub(Arithmetic.sub(dxhat, m1, 1),
                                Arithmetic.mul(xh, m2), 1));
                    }
                    Tensor dw = needsInputGrad(1)
                            ? Views.reshape(Reductions.sumTo(Arithmetic.mul(g[0], xh), paramView), weight.shape())
                            : null;
                    Tensor db = needsInputGrad(2)
                            ? Views.reshape(Reductions.sumTo(g[0], paramView), bias.shape()) : null;
                    return new Tensor[] {dx, dw, db};
                }
            });
        }
        return out;
    }

    /** 1 / sqrt(var + eps) over statDims (kept), biased variance; differentiable. */
    private static Tensor rstd(Tensor x, int[] statDims, double eps) {
        Tensor centred = Arithmetic.sub(x, Reductions.mean(x, statDims, true), 1);
        Tensor var = Reductions.mean(Arithmetic.mul(centred, centred), statDims, true);
        return Arithmetic.pow(Arithmetic.add(var, Activations.c(eps, var), 1), -0.5);
    }

    /** (x - mean) * rstd over statDims; differentiable. */
    private static Tensor xhat(Tensor x, int[] statDims, double eps) {
        Tensor centred = Arithmetic.sub(x, Reductions.mean(x, statDims, true), 1);
        Tensor var = Reductions.mean(Arithmetic.mul(centred, centred), statDims, true);
        return Arithmetic.mul(centred, Arithmetic.pow(Arithmetic.add(var, Activations.c(eps, var), 1), -0.5));
    }

    private static Tensor affine(Tensor xh, Tensor weight, Tensor bias, int[] paramView) {
        Tensor y = weight == null ? xh : Arithmetic.mul(xh, Views.reshape(weight, paramView));
        return bias == null ? y : Arithmetic.add(y, Views.reshape(bias, paramView), 1);
    }
}
