package io.jgrad.kernel;

/**
 * The entry to the elementwise and sum kernels over dense operands: picks the SIMD loops of
 * {@link VectorFloatOps} (when {@link Simd#ENABLED} and the op has one) or the scalar loops of
 * {@link FloatOps}/{@link DoubleOps}, and splits large tensors over {@link Parallel}'s threads.
 *
 * <p>Note [Same bits on any thread count]: the choice between vector and scalar loop is made on the whole
 * length, and the ranges given to threads are cut at multiples of {@link #ALIGN} (a multiple of every vector
 * length and of the summation block), so each element goes through the same loop, and each sum through the
 * same blocks added in the same order, with 1 thread or many (see Note [Thread-independent chunking]).
 */
public final class Elementwise {
    private Elementwise() {}

    /**
     * The fewest elements per piece worth a hand-off: below 2x this a kernel stays on the caller's thread.
     * Waking a worker costs microseconds and a busy machine may not run it at once; a memory pass over 64K
     * floats takes 15-40 us here and 2 threads did not beat 1 at that size (PointwiseThreadsBench, 2 vCPUs),
     * so tensors from 128K elements are split.
     */
    static final int GRAIN = 1 << 16;

    /**
     * The fewest elements for {@link #sumDim}'s vector loop. Called a few times per training step, it runs as
     * C1 code (where the Vector API boxes every vector) for thousands of calls before C2 compiles it, unless a
     * call alone has enough iterations for an on-stack replacement: tiny_model's [16, 100] bias gradients took
     * 2.3 ms per step that way instead of 0.5 ms; from 64K elements (mlp's [128, 512]) it pays from the first
     * calls.
     */
    static final int SUM_DIM_SIMD = 1 << 16;

    /** Range bounds for threads are multiples of this many elements (see Note [Same bits on any thread count]). */
    static final int ALIGN = 1 << 12;

    /** {@code o[oo + i] = op(a[ao + i])} for {@code i < n}. */
    public static void unary(UnaryOp op, float[] a, int ao, float[] o, int oo, int n) {
        if (Simd.ENABLED && n >= VectorFloatOps.MIN_LENGTH && VectorFloatOps.hasUnary(op)) {
            if (n < 2 * GRAIN) {
                VectorFloatOps.unary(op, a, ao, o, oo, n);
            } else {
                Parallel.forRange(n, GRAIN, ALIGN, (from, to) -> VectorFloatOps.unary(op, a, ao + from, o, oo + from,
                        to - from));
            }
        } else if (n < 2 * GRAIN) {
            FloatOps.unary(op, a, ao, o, oo, n);
        } else {
            Parallel.forRange(n, GRAIN, ALIGN, (from, to) -> FloatOps.unary(op, a, ao + from, o, oo + from, to - from));
        }
    }

    /** {@code o[oo + i] = op(a[ao + i])} for {@code i < n}. */
    public static void unary(UnaryOp op, double[] a, int ao, double[] o, int oo, int n) {
        if (n < 2 * GRAIN) {
            DoubleOps.unary(op, a, ao, o, oo, n);
        } else {
            Parallel.forRange(n, GRAIN, ALIGN, (from, to) -> DoubleOps.unary(op, a, ao + from, o, oo + from, to - from));
        }
    }

    /** {@code o[oo + i] = op(a[ao + i*as], b[bo + i*bs])} for {@code i < n}; steps are 0 or 1. */
    public static void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int n) {
        if (Simd.ENABLED && (as | bs) != 0 && n >= VectorFloatOps.MIN_LENGTH && VectorFloatOps.hasBinary(op)) {
            if (n < 2 * GRAIN) {
                VectorFloatOps.binary(op, a, ao, as, b, bo, bs, o, oo, n);
            } else {
                Parallel.forRange(n, GRAIN, ALIGN, (from, to) -> VectorFloatOps.binary(op, a, ao + from * as, as, b,
                        bo + from * bs, bs, o, oo + from, to - from));
            }
        } else if (n < 2 * GRAIN) {
            FloatOps.binary(op, a, ao, as, b, bo, bs, o, oo, n);
        } else {
            Parallel.forRange(n, GRAIN, ALIGN, (from, to) -> FloatOps.binary(op, a, ao + from * as, as, b,
                    bo + from * bs, bs, o, oo + from, to - from));
        }
    }

    /** {@code o[oo + i] = op(a[ao + i*as], b[bo + i*bs])} for {@code i < n}; steps are 0 or 1. */
    public static void binary(BinaryOp op, double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo,
            int n) {
        if (n < 2 * GRAIN) {
            DoubleOps.binary(op, a, ao, as, b, bo, bs, o, oo, n);
        } else {
            Parallel.forRange(n, GRAIN, ALIGN, (from, to) -> DoubleOps.binary(op, a, ao + from * as, as, b,
                    bo + from * bs, bs, o, oo + from, to - from));
        }
    }

    /** {@link FloatOps#sgdStep} (SIMD and split over threads when large: the same bits either way). */
    public static void sgdStep(float[] p, int po, float[] buf, int bo, float[] g, int go, int n, float momentum,
            float alpha, float lr) {
        if (Simd.ENABLED && n >= VectorFloatOps.MIN_LENGTH) {
            if (n < 2 * GRAIN) {
                VectorFloatOps.sgdStep(p, po, buf, bo, g, go, n, momentum, alpha, lr);
            } else {
                Parallel.forRange(n, GRAIN, ALIGN, (from, to) -> VectorFloatOps.sgdStep(p, po + from, buf, bo + from, g,
                        go + from, to - from, momentum, alpha, lr));
            }
        } else if (n < 2 * GRAIN) {
            FloatOps.sgdStep(p, po, buf, bo, g, go, n, momentum, alpha, lr);
        } else {
            Parallel.forRange(n, GRAIN, ALIGN, (from, to) -> FloatOps.sgdStep(p, po + from, buf, bo + from, g, go + from,
                    to - from, momentum, alpha, lr));
        }
    }

    /** {@link DoubleOps#sgdStep}, split over threads when large. */
    public static void sgdStep(double[] p, int po, double[] buf, int bo, double[] g, int go, int n, double momentum,
            double alpha, double lr) {
        if (n < 2 * GRAIN) {
            DoubleOps.sgdStep(p, po, buf, bo, g, go, n, momentum, alpha, lr);
        } else {
            Parallel.forRange(n, GRAIN, ALIGN, (from, to) -> DoubleOps.sgdStep(p, po + from, buf, bo + from, g,
                    go + from, to - from, momentum, alpha, lr));
        }
    }

    /**
     * Sums a contiguous [outer, red, inner] block of floats over its middle axis into {@code o} ([outer, inner]),
     * in double: {@link FloatOps#sumDim}, with the rows added in double vectors (the same bits) when there are
     * at least 64 columns and {@link #SUM_DIM_SIMD} elements.
     */
    public static void sumDim(float[] a, int ao, int outer, int red, int inner, float[] o) {
        if (Simd.ENABLED && inner >= 64 && (long) outer * red * inner >= SUM_DIM_SIMD) {
            VectorFloatOps.sumDim(a, ao, outer, red, inner, o);
        } else {
            FloatOps.sumDim(a, ao, outer, red, inner, o);
        }
    }

    /**
     * Sum of n contiguous floats, in double. SIMD: float lanes over blocks of 64 vectors, the block sums added
     * in double in order, then the tail (the blocks computed in parallel for large n, the same bits); scalar:
     * {@link FloatOps#sumAll}, on the caller's thread.
     */
    public static double sum(float[] a, int ao, int n) {
        if (!Simd.ENABLED || n < VectorFloatOps.MIN_LENGTH) {
            return FloatOps.sumAll(a, ao, n);
        }
        int blocks = VectorFloatOps.sumBlocks(n);
        double s = 0;
        if (n < 2 * GRAIN) {
            for (int k = 0; k < blocks; k++) {
                s += VectorFloatOps.blockSum(a, ao, n, k);
            }
        } else {
            double[] partial = new double[blocks];
            Parallel.forRange(blocks, Math.max(1, GRAIN / VectorFloatOps.SUM_BLOCK), 1, (from, to) -> {
                for (int k = from; k < to; k++) {
                    partial[k] = VectorFloatOps.blockSum(a, ao, n, k);
                }
            });
            for (double p : partial) {
                s += p;
            }
        }
        return VectorFloatOps.sumTail(a, ao, n, s);
    }
}
