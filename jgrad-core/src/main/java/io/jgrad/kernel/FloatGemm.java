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
 * same order). Results are therefore identical with and without SIMD and for any number of threads. (One
 * exception, in accumulate mode only: packing may add a zero step {@code fma(0, 0, c)}, which turns a C of -0
 * into +0.)
 *
 * <p>{@code FloatGemm.java} is GENERATED from this file (see {@code FloatOpsGeneratorTest}).
 */
public final class FloatGemm {
    private FloatGemm() {}

    /** Micro-tile rows (broadcast from packed A). */
    static final int MR = Simd.ENABLED ? VectorFloatGemm.MR : 4;
    /** Micro-tile columns (vector lanes of packed B). */
    static final int NR = Simd.ENABLED ? VectorFloatGemm.NR : 4;
    /** Depth of a packed panel: an A sliver ({@code MR x KC}) stays in L1 while the B block streams by. */
    static final int KC = 2048 / Float.BYTES;
    /** Columns of B packed at once (a shared panel, {@code KC x NP}). */
    static final int NP = 2048;
    /** Columns of a packed B block ({@code KC x NC}, kept in L2). */
    static final int NC = roundUp(2048 / Float.BYTES, NR);
    /** Rows of A packed at once by one thread ({@code MC x KC}). */
    static final int MC = roundUp(2040, MR);
    /**
     * Below this many multiply-adds the plain loop beats packing. (Packing pays off early: the plain loop runs
     * scalar fused multiply-adds, about 0.4 ns each, so 16x100x10 takes 13 us in it and 3 us packed.)
     */
    static final long SMALL = 16 * 16 * 16;
    /**
     * From this many multiply-adds on (about 200^3, some 60 us on one core), a product is split over threads.
     * Waking a pool worker costs tens of microseconds here: 16x1000x100 (1.6M) took 67 us on one thread and 107 us
     * split in two; 128x512x512 (33M) goes from 550 to 350 us.
     */
    static final long PARALLEL = 1L << 23;
    /**
     * Up to this many multiply-adds, a product whose B has unit column steps runs without packing
     * ({@link VectorFloatGemm#direct}): packing A and B cost more than it saved for hvp's 32x64x64 products.
     */
    static final long DIRECT = 64 * 64 * 64;
    /** Products with both sides of C at least this long share one packed B panel between threads. */
    static final int SHARED = 512;

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
        if (k == 0 || work < SMALL || m == 1 || n == 1) {
            // Vector-matrix and matrix-vector products read each element of the matrix once: nothing to pack.
            small(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc, accumulate);
            return;
        }
        if (vector && bcs == 1 && work <= DIRECT && 2 * n >= NR) {
            int done = VectorFloatGemm.direct(m, n, k, a, ao, ars, acs, b, bo, brs, c, co, ldc, accumulate);
            if (done < n) {
                small(m, n - done, k, a, ao, ars, acs, b, bo + done, brs, 1, c, co + done, ldc, accumulate);
            }
            return;
        }
        int mr = vector ? MR : 4;
        int nr = vector ? NR : 4;
        if (2 * n < nr && m >= 2 * nr) {
            // Few columns (x @ W.T with 10 outputs): a tile would use n of its nr lanes. Compute C^T = B^T A^T
            // instead, m along the lanes, in a scratch buffer; each element is the same fma chain (the products
            // commute exactly), so Note [GEMM rounding] holds.
            float[] t = new float[n * m];
            if (accumulate) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        t[j * m + i] = c[co + i * ldc + j];
                    }
                }
            }
            gemm(n, m, k, b, bo, bcs, brs, a, ao, acs, ars, t, 0, m, accumulate, vector, parallel);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[co + i * ldc + j] = t[j * m + i];
                }
            }
            return;
        }
        int threads = parallel && work >= PARALLEL ? Math.min(Parallel.getNumThreads(), 64) : 1;
        if (threads > 1 && (m < SHARED || n < SHARED)) {
            // Note [GEMM thread split]: split the longer side of C into one independent product per thread, each
            // packing its own part of the operand along that side and all of the other (the smaller) one. One
            // fork per call and no barriers, which matters for the short products of a training step.
            boolean byColumns = n >= m;
            int w = byColumns ? nr : mr;
            int tiles = ((byColumns ? n : m) + w - 1) / w;
            int chunks = Math.min(threads, tiles);
            Parallel.forChunks(chunks, ch -> {
                int t0 = (int) ((long) tiles * ch / chunks) * w;
                int t1 = Math.min(byColumns ? n : m, (int) ((long) tiles * (ch + 1) / chunks) * w);
                if (byColumns) {
                    blocked(m, t1 - t0, k, a, ao, ars, acs, b, bo + t0 * bcs, brs, bcs, c, co + t0, ldc, accumulate,
                            vector, mr, nr, 1);
                } else {
                    blocked(t1 - t0, n, k, a, ao + t0 * ars, ars, acs, b, bo, brs, bcs, c, co + t0 * ldc, ldc,
                            accumulate, vector, mr, nr, 1);
                }
            });
            return;
        }
        blocked(m, n, k, a, ao, ars, acs, b, bo, brs, bcs, c, co, ldc, accumulate, vector, mr, nr, threads);
    }

    /**
     * The packed, blocked product. For each panel of k, B's panel is packed once (by all threads, a range of
     * slivers each) and shared; then the rows are dealt out in chunks of whole slivers, each thread packing the
     * rows of A it works on. A sliver of A stays in L1 while a block of NC columns of B (in L2) streams past it.
     */
    private static void blocked(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo,
            int brs, int bcs, float[] c, int co, int ldc, boolean accumulate, boolean vector, int mr, int nr,
            int threads) {
        int kcMax = Math.min(KC, k) + 1;
        int nPanel = Math.min(NP, roundUp(n, nr));
        float[] bp = grow(BUFFERS.get(), 1, nPanel * kcMax);
        int slivers = (m + mr - 1) / mr;
        // Two chunks per thread: a thread slowed down by others on its core holds up less, while each chunk
        // still streams the B panel through its core's L2 only once per k-panel.
        int chunks = threads == 1 ? 1 : Math.min(slivers, 2 * threads);
        for (int jp = 0; jp < n; jp += NP) {
            int np = Math.min(NP, n - jp);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                int kcp = (kc + 1) & ~1; // the vector kernel takes two steps at a time; see pack
                boolean load = accumulate || pc > 0;
                int bOff = bo + pc * brs + jp * bcs;
                if (threads == 1) {
                    pack(b, bOff, bcs, brs, np, kc, kcp, nr, bp, 0);
                    rows(0, m, a, ao + pc * acs, ars, acs, kc, kcp, bp, np, c, co + jp, ldc, load, vector, mr, nr);
                    continue;
                }
                int bSlivers = (np + nr - 1) / nr;
                int bChunks = Math.min(threads, bSlivers);
                Parallel.forChunks(bChunks, ch -> {
                    int s0 = (int) ((long) bSlivers * ch / bChunks);
                    int s1 = (int) ((long) bSlivers * (ch + 1) / bChunks);
                    int l1 = Math.min(np, s1 * nr);
                    pack(b, bOff + s0 * nr * bcs, bcs, brs, l1 - s0 * nr, kc, kcp, nr, bp, s0 * nr * kcp);
                });
                int aOff = ao + pc * acs;
                int cOff = co + jp;
                Parallel.forChunks(chunks, ch -> {
                    int r0 = (int) ((long) slivers * ch / chunks) * mr;
                    int r1 = Math.min(m, (int) ((long) slivers * (ch + 1) / chunks) * mr);
                    rows(r0, r1, a, aOff, ars, acs, kc, kcp, bp, np, c, cOff, ldc, load, vector, mr, nr);
                });
            }
        }
    }

    /** Rows [r0, r1) of C (columns of the packed panel bp) += A[r0:r1, panel] bp, on the calling thread. */
    private static void rows(int r0, int r1, float[] a, int ao, int ars, int acs, int kc, int kcp, float[] bp,
            int np, float[] c, int co, int ldc, boolean load, boolean vector, int mr, int nr) {
        float[][] buf = BUFFERS.get();
        float[] ap = grow(buf, 0, Math.min(MC, roundUp(r1 - r0, mr)) * kcp);
        float[] tile = grow(buf, 2, mr * nr);
        for (int ic = r0; ic < r1; ic += MC) {
            int mc = Math.min(MC, r1 - ic);
            pack(a, ao + ic * ars, ars, acs, mc, kc, kcp, mr, ap, 0);
            for (int jc = 0; jc < np; jc += NC) {
                int nc = Math.min(NC, np - jc);
                for (int ir = 0; ir < mc; ir += mr) {
                    for (int jr = jc; jr < jc + nc; jr += nr) {
                        tile(vector, kcp, ap, ir, bp, jr, c, co + ic * ldc + ir * ldc + jr, ldc, load,
                                Math.min(mr, mc - ir), Math.min(nr, np - jr), mr, nr, tile);
                    }
                }
            }
        }
    }

    /** One mt x nt tile of C; edge tiles go through a whole-tile scratch buffer. */
    private static void tile(boolean vector, int kc, float[] ap, int ir, float[] bp, int jr, float[] c, int cij,
            int ldc, boolean load, int mt, int nt, int mr, int nr, float[] tile) {
        if (mt == mr && nt == nr) {
            kernel(vector, kc, ap, ir * kc, bp, jr * kc, c, cij, ldc, load, mr, nr);
        } else {
            if (load) {
                for (int i = 0; i < mt; i++) {
                    System.arraycopy(c, cij + i * ldc, tile, i * nr, nt);
                }
            }
            kernel(vector, kc, ap, ir * kc, bp, jr * kc, tile, 0, nr, load, mr, nr);
            for (int i = 0; i < mt; i++) {
                System.arraycopy(tile, i * nr, c, cij + i * ldc, nt);
            }
        }
    }

    /** One tile, {@code C += A_sliver B_sliver}; with {@code load} false C is zeroed first. */
    private static void kernel(boolean vector, int kc, float[] ap, int ao, float[] bp, int bo, float[] c, int co,
            int ldc, boolean load, int mr, int nr) {
        if (!load) {
            for (int i = 0; i < mr; i++) {
                java.util.Arrays.fill(c, co + i * ldc, co + i * ldc + nr, 0);
            }
        }
        if (vector) {
            VectorFloatGemm.kernel(kc, ap, ao, bp, bo, c, co, ldc);
        } else {
            scalarKernel(kc, ap, ao, bp, bo, c, co, ldc);
        }
    }

    /**
     * The scalar micro-kernel: a 4 x 4 tile in sixteen local accumulators (loaded from C, stored back), the same
     * fused multiply-adds in the same order as the vector kernel.
     */
    static void scalarKernel(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc) {
        float c00 = c[co + 0 * ldc + 0]; float c01 = c[co + 0 * ldc + 1]; float c02 = c[co + 0 * ldc + 2]; float c03 = c[co + 0 * ldc + 3];
        float c10 = c[co + 1 * ldc + 0]; float c11 = c[co + 1 * ldc + 1]; float c12 = c[co + 1 * ldc + 2]; float c13 = c[co + 1 * ldc + 3];
        float c20 = c[co + 2 * ldc + 0]; float c21 = c[co + 2 * ldc + 1]; float c22 = c[co + 2 * ldc + 2]; float c23 = c[co + 2 * ldc + 3];
        float c30 = c[co + 3 * ldc + 0]; float c31 = c[co + 3 * ldc + 1]; float c32 = c[co + 3 * ldc + 2]; float c33 = c[co + 3 * ldc + 3];
        for (int p = 0; p < kc; p++) {
            int ap = ao + p * 4;
            int bp = bo + p * 4;
            float b0 = b[bp];
            float b1 = b[bp + 1];
            float b2 = b[bp + 2];
            float b3 = b[bp + 3];
            float a0 = a[ap + 0];
            c00 = Math.fma(a0, b0, c00); c01 = Math.fma(a0, b1, c01); c02 = Math.fma(a0, b2, c02); c03 = Math.fma(a0, b3, c03);
            float a1 = a[ap + 1];
            c10 = Math.fma(a1, b0, c10); c11 = Math.fma(a1, b1, c11); c12 = Math.fma(a1, b2, c12); c13 = Math.fma(a1, b3, c13);
            float a2 = a[ap + 2];
            c20 = Math.fma(a2, b0, c20); c21 = Math.fma(a2, b1, c21); c22 = Math.fma(a2, b2, c22); c23 = Math.fma(a2, b3, c23);
            float a3 = a[ap + 3];
            c30 = Math.fma(a3, b0, c30); c31 = Math.fma(a3, b1, c31); c32 = Math.fma(a3, b2, c32); c33 = Math.fma(a3, b3, c33);
        }
        c[co + 0 * ldc + 0] = c00; c[co + 0 * ldc + 1] = c01; c[co + 0 * ldc + 2] = c02; c[co + 0 * ldc + 3] = c03;
        c[co + 1 * ldc + 0] = c10; c[co + 1 * ldc + 1] = c11; c[co + 1 * ldc + 2] = c12; c[co + 1 * ldc + 3] = c13;
        c[co + 2 * ldc + 0] = c20; c[co + 2 * ldc + 1] = c21; c[co + 2 * ldc + 2] = c22; c[co + 2 * ldc + 3] = c23;
        c[co + 3 * ldc + 0] = c30; c[co + 3 * ldc + 1] = c31; c[co + 3 * ldc + 2] = c32; c[co + 3 * ldc + 3] = c33;
    }

    /**
     * Packs a panel of {@code lanes} rows of A (or columns of B) by {@code kc} steps of p into slivers of width w
     * and depth kcp: {@code dst[s*w*kcp + p*w + l] = x[xo + (s*w + l)*ls + p*ps]}, zero past the last lane and
     * for steps kc <= p < kcp. A is packed with (ls, ps) = (row stride, column stride), B with (column stride,
     * row stride). The loop order follows the source's unit stride so that reads stream and touch few pages.
     * A zero step adds {@code fma(0, 0, c) = c} to every chain (Note [GEMM rounding]).
     */
    static void pack(float[] x, int xo, int ls, int ps, int lanes, int kc, int kcp, int w, float[] dst, int d0) {
        int full = lanes / w;
        int rest = lanes - full * w;
        int slivers = (lanes + w - 1) / w;
        if (rest > 0) {
            java.util.Arrays.fill(dst, d0 + full * w * kcp, d0 + (full + 1) * w * kcp, 0);
        }
        if (kcp > kc) {
            for (int s = 0; s < slivers; s++) {
                java.util.Arrays.fill(dst, d0 + s * w * kcp + kc * w, d0 + (s + 1) * w * kcp, 0);
            }
        }
        if (ls == 1) {
            for (int p = 0; p < kc; p++) {
                int sp = xo + p * ps;
                int dp = d0 + p * w;
                for (int s = 0; s < full; s++) {
                    System.arraycopy(x, sp + s * w, dst, dp + s * w * kcp, w);
                }
                if (rest > 0) {
                    System.arraycopy(x, sp + full * w, dst, dp + full * w * kcp, rest);
                }
            }
        } else if (ps == 1 && Simd.ENABLED && w == NR) {
            // B transposed, for the vector kernel: gather each step's lanes (the last, partial sliver below).
            VectorFloatGemm.packGather(x, xo, ls, full, kc, kcp, dst, d0);
            for (int s = full; s < slivers; s++) {
                int cols = Math.min(w, lanes - s * w);
                int src = xo + s * w * ls;
                int d = d0 + s * w * kcp;
                for (int p = 0; p < kc; p++) {
                    for (int l = 0; l < cols; l++) {
                        dst[d + p * w + l] = x[src + p + l * ls];
                    }
                }
            }
        } else if (ps == 1) {
            // Narrow slivers (A row-major): one source row at a time.
            for (int lane = 0; lane < lanes; lane++) {
                int src = xo + lane * ls;
                int d = d0 + lane / w * w * kcp + lane % w;
                for (int p = 0; p < kc; p++) {
                    dst[d + p * w] = x[src + p];
                }
            }
        } else {
            for (int s = 0; s < slivers; s++) {
                int cols = Math.min(w, lanes - s * w);
                int src = xo + s * w * ls;
                int d = d0 + s * w * kcp;
                for (int p = 0; p < kc; p++) {
                    for (int l = 0; l < cols; l++) {
                        dst[d + p * w + l] = x[src + p * ps + l * ls];
                    }
                }
            }
        }
    }

    /** The plain i-p-j loop for small products and m or n of 1 (same rounding as the packed path). */
    static void small(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs,
            int bcs, float[] c, int co, int ldc, boolean accumulate) {
        // Each entry is one fma chain over p in order, whatever the loop order; the order follows the operands'
        // unit steps so that the reads stream.
        if (n == 1 && ars == 1 && acs != 1 && ldc == 1) {
            // Matrix-vector with A's columns contiguous (A transposed): a column of A at a time, down C.
            if (!accumulate) {
                java.util.Arrays.fill(c, co, co + m, 0);
            }
            for (int p = 0; p < k; p++) {
                float x = b[bo + p * brs];
                int ap = ao + p * acs;
                for (int i = 0; i < m; i++) {
                    c[co + i] = Math.fma(a[ap + i], x, c[co + i]);
                }
            }
            return;
        }
        if (m == 1 && bcs != 1 && brs == 1) {
            // Vector-matrix with B's columns contiguous (B transposed): one dot product per column.
            for (int j = 0; j < n; j++) {
                int bj = bo + j * bcs;
                float s = accumulate ? c[co + j] : 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[ao + p * acs], b[bj + p], s);
                }
                c[co + j] = s;
            }
            return;
        }
        if (n == 1) {
            // Matrix-vector: one fma chain per row, kept in a register (the same chain as below).
            for (int i = 0; i < m; i++) {
                int ci = co + i * ldc;
                int ai = ao + i * ars;
                float s = accumulate ? c[ci] : 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[ai + p * acs], b[bo + p * brs], s);
                }
                c[ci] = s;
            }
            return;
        }
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
