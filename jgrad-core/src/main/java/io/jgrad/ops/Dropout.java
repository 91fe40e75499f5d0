package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Generator;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.internal.PyFormat;

/**
 * Functional dropout with the default {@link Generator}, drawn as PyTorch 1.13 draws it on the CPU (without
 * MKL, as Debian builds it): {@code bernoulli_(1 - p)} takes one 53-bit uniform double per element in
 * row-major order ({@code bernoulli_distribution<double>} over {@code random64()}) and keeps an element when it
 * is below {@code 1 - p}; kept elements are scaled by {@code 1 / (1 - p)} in the input's dtype. So
 * {@code torch.manual_seed(s); F.dropout(x, p)} and {@code Torch.manualSeed(s); Dropout.dropout(x, p, true)}
 * give the same mask, bit for bit, for a contiguous x (a non-contiguous x is drawn in logical order).
 */
public final class Dropout {
    private Dropout() {}

    /**
     * Zeroes each element with probability p and scales the rest by {@code 1 / (1 - p)}; the identity (the same
     * tensor) when not training or p is 0. Recorded as {@code x * noise} (MulBackward0) as in PyTorch.
     *
     * <pre>{@code Dropout.dropout(x, 0.5, true);   // F.dropout(x, 0.5, training=True) }</pre>
     *
     * @throws IllegalArgumentException if p is outside [0, 1] (PyTorch's message)
     */
    public static Tensor dropout(Tensor x, double p, boolean training) {
        if (p < 0 || p > 1 || Double.isNaN(p)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got "
                    + PyFormat.repr(p));
        }
        if (p == 0 || !training || x.numel() == 0) {
            return x;
        }
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("result type Float can't be cast to the desired output type "
                    + io.jgrad.internal.Shapes.typeName(x.dtype()));
        }
        if (p == 1) {
            return Arithmetic.mul(x, Torch.scalar(0, x.dtype()));
        }
        int n = x.numel();
        double[] u = new double[n];
        Generator.defaultGenerator().uniform(u, 0, n, 0, 1);
        double keep = 1 - p;
        double[] bits = new double[n];
        for (int i = 0; i < n; i++) {
            bits[i] = u[i] < keep ? 1 : 0;
        }
        DType d = x.dtype();
        Tensor noise = Dispatch.binary(io.jgrad.kernel.BinaryOp.DIV,
                Dispatch.convert(Torch.tensor(bits, DType.FLOAT64).view(x.shape()), d), Torch.scalar(keep, d), d);
        return Arithmetic.mul(x, noise);
    }
}
