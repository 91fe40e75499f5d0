// GENERATED from DoubleGemm.java by FloatOpsGeneratorTest: do not edit by hand.
package io.jgrad.kernel;

/**
 * FLOAT32 matrix product {@code C = A B} or {@code C += A B}, the way GotoBLAS/BLIS do it: A is packed in
 * panels of {@link #MR}-row slivers, B in blocks of {@code NR}-column slivers, and a register-tiled
 * micro-kernel ({@link VectorFloatGemm} when {@link Simd#ENABLED}, else {@link #scalarKernel}) computes one
 * {@code MR x NR} tile of C from one sliver of each. Packing reads A and B through arbitrary strides
 * (transposed and expanded views), so no operand is copied first.
 *
 * <p>Note [GEMM rounding]: every element of C is the chain {@code fma(a[i,k-1], b[k-1,j], ... fma(a[i,0],
 * b[0,j], c0))} with {@code c0} = 0 or the old C, whatever the blocking, the thread split, the tile position
 * or the kernel (the vector and scalar kernels and the small-product loop do the same fused operations in the
 * same order). Results are therefore identical with and without SIMD and for any number of threads.
 *
 * <p>{@code FloatGemm.java} is GENERATED from this file (see {@code FloatOpsGeneratorTest}).
 */
public final class FloatGemm {
    private FloatGemm() {}

    /** Micro-tile rows (broadcast from packed A). */
    static final int MR = Simd.ENABLED ? VectorFloatGemm.MR : 4;
    /** Micro-tile columns (vector lanes of packed B). */
    static final int NR = Simd.ENABLED ? VectorFloatGemm.NR : 64 / Float.BYTES;
    /** Depth of a packed panel: an A sliver ({@code MR x KC}) stays in L1 while the B block streams by. */
    static final int KC = Integer.getInteger("jgrad.gemm.kc", 3072 / Float.BYTES);
    /** Columns of a packed B block ({@code KC x NC}, kept in L2). */
    static final int NC = roundUp(Integer.getInteger("jgrad.gemm.nc", 3840 / Float.BYTES), NR);
    /** Rows of a packed A panel ({@code MC x KC}, kept in L3). */
    static final int MC = roundUp(Integer.getInteger("jgrad.gemm.mc", 24576 / Float.BYTES), MR);
    /** Below this many multiply-adds the plain loop beats packing. */
    static final long SMALL = 32 * 32 * 32;
    /** From this many multiply-adds on, a product is split over threads. */
    static final long PARALLEL = 128 * 128 * 128;

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[3][0]);

    /**
     * {@code C[m,n] = A[m,k] B[k,n]} ({@code accumulate}: {@code C += A B}). A is read as
     * {@code a[ao + i*ars + p*acs]}, B as {@code b[bo + p*brs + j*bcs]} (any strides, 0 included), C is
     * written at {@code c[co + i*ldc + j]}. C must not overlap A or B. Large products are split over
     * {@link Parallel#getNumThreads()} threads; the result does not depend on the split (Note [GEMM rounding]).
     */
    public static void gemm(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs,
            int bcs, float[] c, int co, int ldc, boolean accumulate) {
        gemm(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc, accumulate, Simd.ENABLED, true);
    }

    /** As above; {@code vector} chooses the micro-kernel, {@code parallel} allows threads (for tests). */
    static void gemm(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs,
            int bcs, float[] c, int co, int ldc, boolean accumulate, boolean vector, boolean parallel) {
        if (m <= 0 || n <= 0) {
            return;
        }
        long work = (long) m * n * k;
        if (k == 0 || work < SMALL || n == 1) {
            small(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc, accumulate);
            return;
        }
        int mr = vector ? MR : 4;
        int nr = vector ? NR : 64 / Float.BYTES;
        int threads = parallel ? Math.min(Parallel.getNumThreads(), 64) : 1;
        if (threads > 1 && work >= PARALLEL) {
            // Split the larger dimension into one range of whole tiles per thread.
            boolean byRows = m >= n;
            int tiles = byRows ? (m + mr - 1) / mr : (n + nr - 1) / nr;
            int chunks = Math.min(threads, tiles);
            Parallel.forChunks(chunks, work, ch -> {
                int t0 = (int) ((long) tiles * ch / chunks);
                int t1 = (int) ((long) tiles * (ch + 1) / chunks);
                if (byRows) {
                    int r0 = t0 * mr;
                    int r1 = Math.min(m, t1 * mr);
                    blocked(r1 - r0, n, k, a, ao + r0 * ars, ars, acs, b, bo, brs, bcs, c, co + r0 * ldc, ldc,
                            accumulate, vector, mr, nr);
                } else {
                    int j0 = t0 * nr;
                    int j1 = Math.min(n, t1 * nr);
                    blocked(m, j1 - j0, k, a, ao, ars, acs, b, bo + j0 * bcs, brs, bcs, c, co + j0, ldc,
                            accumulate, vector, mr, nr);
                }
            });
            return;
        }
        blocked(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc, accumulate, vector, mr, nr);
    }

    /** The packed, blocked product on the calling thread. */
    private static void blocked(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo,
            int brs, int bcs, float[] c, int co, int ldc, boolean accumulate, boolean vector, int mr, int nr) {
        int kcMax = Math.min(KC, k);
        int mcMax = Math.min(MC, roundUp(m, mr));
        int ncMax = Math.min(NC, roundUp(n, nr));
        float[][] buf = BUFFERS.get();
        float[] ap = grow(buf, 0, mcMax * kcMax);
        float[] bp = grow(buf, 1, ncMax * kcMax);
        float[] tile = grow(buf, 2, mr * nr);
        for (int ic = 0; ic < m; ic += MC) {
            int mc = Math.min(MC, m - ic);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean load = accumulate || pc > 0;
                packA(a, ao + ic * ars + pc * acs, ars, acs, mc, kc, mr, ap);
                for (int jc = 0; jc < n; jc += NC) {
                    int nc = Math.min(NC, n - jc);
                    packB(b, bo + pc * brs + jc * bcs, brs, bcs, kc, nc, nr, bp);
                    for (int ir = 0; ir < mc; ir += mr) {
                        int mt = Math.min(mr, mc - ir);
                        for (int jr = 0; jr < nc; jr += nr) {
                            int nt = Math.min(nr, nc - jr);
                            int cij = co + (ic + ir) * ldc + jc + jr;
                            if (mt == mr && nt == nr) {
                                kernel(vector, kc, ap, ir * kc, bp, jr * kc, c, cij, ldc, load);
                            } else {
                                // Edge tile: compute a whole tile in scratch, then copy its valid part.
                                if (load) {
                                    for (int i = 0; i < mt; i++) {
                                        System.arraycopy(c, cij + i * ldc, tile, i * nr, nt);
                                    }
                                }
                                kernel(vector, kc, ap, ir * kc, bp, jr * kc, tile, 0, nr, load);
                                for (int i = 0; i < mt; i++) {
                                    System.arraycopy(tile, i * nr, c, cij + i * ldc, nt);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static void kernel(boolean vector, int kc, float[] ap, int ao, float[] bp, int bo, float[] c, int co,
            int ldc, boolean load) {
        if (vector) {
            VectorFloatGemm.kernel(kc, ap, ao, bp, bo, c, co, ldc, load);
        } else {
            scalarKernel(kc, ap, ao, bp, bo, c, co, ldc, load);
        }
    }

    /**
     * The scalar micro-kernel for a 4 x (64 bytes) tile, accumulating in C itself (the tile stays in L1):
     * the same fused multiply-adds in the same order as the vector kernel.
     */
    static void scalarKernel(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc,
            boolean load) {
        final int mr = 4;
        final int nr = 64 / Float.BYTES;
        if (!load) {
            for (int i = 0; i < mr; i++) {
                java.util.Arrays.fill(c, co + i * ldc, co + i * ldc + nr, 0);
            }
        }
        for (int p = 0; p < kc; p++) {
            int ap = ao + p * mr;
            int bp = bo + p * nr;
            for (int i = 0; i < mr; i++) {
                float x = a[ap + i];
                int ci = co + i * ldc;
                for (int j = 0; j < nr; j++) {
                    c[ci + j] = Math.fma(x, b[bp + j], c[ci + j]);
                }
            }
        }
    }

    /**
     * Packs {@code A[0:mc, 0:kc]} (at {@code a[ao + i*ars + p*acs]}) as slivers of mr rows:
     * {@code ap[s*mr*kc + p*mr + i] = A[s*mr + i, p]}, zero past row mc.
     */
    static void packA(float[] a, int ao, int ars, int acs, int mc, int kc, int mr, float[] ap) {
        for (int s = 0; s * mr < mc; s++) {
            int rows = Math.min(mr, mc - s * mr);
            int base = s * mr * kc;
            int src = ao + s * mr * ars;
            if (rows < mr) {
                java.util.Arrays.fill(ap, base, base + mr * kc, 0);
            }
            if (Math.abs(acs) <= Math.abs(ars) && rows == mr) {
                for (int i = 0; i < rows; i++) {
                    int si = src + i * ars;
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * mr + i] = a[si + p * acs];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int sp = src + p * acs;
                    int dp = base + p * mr;
                    for (int i = 0; i < rows; i++) {
                        ap[dp + i] = a[sp + i * ars];
                    }
                }
            }
        }
    }

    /**
     * Packs {@code B[0:kc, 0:nc]} (at {@code b[bo + p*brs + j*bcs]}) as slivers of nr columns:
     * {@code bp[s*nr*kc + p*nr + j] = B[p, s*nr + j]}, zero past column nc.
     */
    static void packB(float[] b, int bo, int brs, int bcs, int kc, int nc, int nr, float[] bp) {
        for (int s = 0; s * nr < nc; s++) {
            int cols = Math.min(nr, nc - s * nr);
            int base = s * nr * kc;
            int src = bo + s * nr * bcs;
            if (cols < nr) {
                java.util.Arrays.fill(bp, base, base + nr * kc, 0);
            }
            if (bcs == 1) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, src + p * brs, bp, base + p * nr, cols);
                }
            } else if (Math.abs(brs) < Math.abs(bcs)) {
                for (int j = 0; j < cols; j++) {
                    int sj = src + j * bcs;
                    for (int p = 0; p < kc; p++) {
                        bp[base + p * nr + j] = b[sj + p * brs];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int sp = src + p * brs;
                    int dp = base + p * nr;
                    for (int j = 0; j < cols; j++) {
                        bp[dp + j] = b[sp + j * bcs];
                    }
                }
            }
        }
    }

    /** The plain i-p-j loop for small or thin products (same rounding as the packed path). */
    static void small(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs,
            int bcs, float[] c, int co, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = co + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0);
            }
            int ai = ao + i * ars;
            for (int p = 0; p < k; p++) {
                float x = a[ai + p * acs];
                int bp = bo + p * brs;
                if (bcs == 1) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] = Math.fma(x, b[bp + j], c[ci + j]);
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] = Math.fma(x, b[bp + j * bcs], c[ci + j]);
                    }
                }
            }
        }
    }

    private static float[] grow(float[][] buf, int i, int size) {
        if (buf[i].length < size) {
            buf[i] = new float[size];
        }
        return buf[i];
    }

    private static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }
}
