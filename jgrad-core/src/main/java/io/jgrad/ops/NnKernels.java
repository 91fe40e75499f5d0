package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.autograd.GradMode;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.ActivationOp;
import io.jgrad.kernel.DoubleOps;
import io.jgrad.kernel.Elementwise;
import io.jgrad.kernel.FloatOps;
import io.jgrad.storage.Storage;

/**
 * From tensors to the neural-network kernels (activations, softmax, the optimizers' fused updates), without
 * autograd: the counterpart of {@link Dispatch} for {@link Activations}, {@link Losses}, {@link Normalization}
 * and {@code optim}.
 */
public final class NnKernels {
    private NnKernels() {}

    /**
     * The dtype an NN op computes in: the input's if floating, else PyTorch's "not implemented" error naming
     * the kernel.
     */
    static DType requireFloating(Tensor x, String kernel) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + Shapes.typeName(x.dtype())
                    + "'");
        }
        return x.dtype();
    }

    /** op(x; p, q) elementwise, same shape and (floating) dtype. */
    static Tensor activation(ActivationOp op, Tensor x, double p, double q) {
        DType d = x.dtype();
        int n = x.numel();
        Storage out = Storage.allocate(d, n);
        Dispatch.Dense a = Dispatch.dense(x, d);
        if (d == DType.FLOAT32) {
            FloatOps.activation(op, (float[]) a.array(), a.offset(), out.floats(), 0, n, p, q);
        } else {
            DoubleOps.activation(op, (double[]) a.array(), a.offset(), out.doubles(), 0, n, p, q);
        }
        return Dispatch.wrap(out, Dispatch.A.shape(x));
    }

    /** Whether no element of the floating tensor x is below lo or above hi (NaN is neither). */
    static boolean allWithin(Tensor x, double lo, double hi) {
        Dispatch.Dense a = Dispatch.dense(x, x.dtype());
        return x.dtype() == DType.FLOAT32 ? FloatOps.allWithin((float[]) a.array(), a.offset(), x.numel(), (float) lo,
                (float) hi) : DoubleOps.allWithin((double[]) a.array(), a.offset(), x.numel(), lo, hi);
    }

    /** Softmax or log-softmax of x along dimension d (already wrapped), a new contiguous tensor. */
    static Tensor softmax(Tensor x, int d, boolean log) {
        int[] shape = Dispatch.A.shape(x);
        DType dt = x.dtype();
        int outer = 1;
        int inner = 1;
        int red = shape.length == 0 ? 1 : shape[d];
        for (int j = 0; j < d; j++) {
            outer *= shape[j];
        }
        for (int j = d + 1; j < shape.length; j++) {
            inner *= shape[j];
        }
        Storage out = Storage.allocate(dt, x.numel());
        Dispatch.Dense a = Dispatch.dense(x, dt);
        if (x.numel() > 0) {
            if (dt == DType.FLOAT32) {
                FloatOps.softmax((float[]) a.array(), a.offset(), outer, red, inner, out.floats(), log);
            } else {
                DoubleOps.softmax((double[]) a.array(), a.offset(), outer, red, inner, out.doubles(), log);
            }
        }
        return Dispatch.wrap(out, shape);
    }

    /**
     * SGD's update of one parameter in one pass, in place and not recorded: with a momentum buffer,
     * {@code buf.mul_(momentum).add_(g, alpha); p.add_(buf, lr)}, without (buf null) {@code p.add_(g, lr)}, with
     * the same bits and version bumps as those in-place ops (lr is the negated learning rate). Returns false,
     * changing nothing, unless grad mode is off and p, g (and buf) are contiguous floating tensors of one dtype
     * and shape over distinct storages; the caller then runs the in-place ops.
     *
     * <pre>{@code NnKernels.sgdStep(p, buf, p.grad(), 0.9, 1, -lr)   // buf.mul_(0.9).add_(d_p); p.add_(buf, alpha=-lr) }</pre>
     */
    public static boolean sgdStep(Tensor p, Tensor buf, Tensor g, double momentum, double alpha, double lr) {
        DType d = p.dtype();
        if (GradMode.isEnabled() || !d.isFloatingPoint() || !dense(p, d, p) || !dense(g, d, p)
                || (buf != null && !dense(buf, d, p)) || Dispatch.A.storage(p) == Dispatch.A.storage(g)
                || (buf != null && (Dispatch.A.storage(buf) == Dispatch.A.storage(p)
                        || Dispatch.A.storage(buf) == Dispatch.A.storage(g)))) {
            return false;
        }
        int n = p.numel();
        Object bufArray = buf == null ? null : Dispatch.A.storage(buf).array();
        int bo = buf == null ? 0 : Dispatch.A.offset(buf);
        if (d == DType.FLOAT32) {
            Elementwise.sgdStep(Dispatch.A.storage(p).floats(), Dispatch.A.offset(p), (float[]) bufArray, bo,
                    Dispatch.A.storage(g).floats(), Dispatch.A.offset(g), n, (float) momentum, (float) alpha, (float) lr);
        } else {
            Elementwise.sgdStep(Dispatch.A.storage(p).doubles(), Dispatch.A.offset(p), (double[]) bufArray, bo,
                    Dispatch.A.storage(g).doubles(), Dispatch.A.offset(g), n, momentum, alpha, lr);
        }
        if (buf != null) {
            Dispatch.A.versionCounter(buf).bump(); // mul_
            Dispatch.A.versionCounter(buf).bump(); // add_
        }
        Dispatch.A.versionCounter(p).bump();
        return true;
    }

    /** Whether t is a contiguous tensor of dtype d with like's shape. */
    private static boolean dense(Tensor t, DType d, Tensor like) {
        int[] shape = Dispatch.A.shape(t);
        return t.dtype() == d && java.util.Arrays.equals(shape, Dispatch.A.shape(like))
                && Shapes.isContiguous(shape, Dispatch.A.strides(t));
    }
}
