package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.ActivationOp;
import io.jgrad.kernel.DoubleOps;
import io.jgrad.kernel.FloatOps;
import io.jgrad.storage.Storage;

/**
 * From tensors to the neural-network kernels (activations, softmax), without autograd: the counterpart of
 * {@link Dispatch} for {@link Activations}, {@link Losses} and {@link Normalization}.
 */
final class NnKernels {
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
}
