// GENERATED from VectorDoubleGemm.java by FloatOpsGeneratorTest: do not edit by hand.
package io.jgrad.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FLOAT32 GEMM micro-kernel with the Vector API (see {@link FloatGemm}); loaded only when
 * {@link Simd#ENABLED}. One call computes an {@link #MR} x {@link #NR} tile of C from a packed A sliver
 * ({@code a[ao + p*MR + i]}) and a packed B sliver ({@code b[bo + p*NR + j]}): per step p, two vector loads
 * of B, MR broadcasts of A and 2*MR fused multiply-adds into accumulators that live in registers.
 *
 * <p>{@code VectorFloatGemm.java} is GENERATED from this file (see {@code FloatOpsGeneratorTest}).
 */
final class VectorFloatGemm {
    private VectorFloatGemm() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Tile rows: 6 (12 accumulators), also where 32 vector registers would hold 24.
     *
     * <p>Note [Six-row tiles]: a 12-row kernel (24 accumulators; removed, see git history) was about 15%
     * faster when C2 compiled it well, but in roughly half of the JVMs running mlp with a small heap (and in
     * some with defaults under load) C2 failed to intrinsify its 24 final stores (the receiver's type profile
     * was monomorphic, so the cause is not profile pollution), and the kernel then ran the Vector API's Java
     * fallback, 10x slower, for the rest of the run (mlp 5.5 -> 55 ms per iteration). The 6-row kernel did
     * not fail in any of the runs (1024 GEMM about 15% slower).
     */
    static final int MR = 6;
    /** Tile columns: two vectors. */
    static final int NR = 2 * L;

    /**
     * {@code C[0:MR, 0:NR] += A_sliver B_sliver} over kc steps (kc even: the packing pads it), C at
     * {@code c[co + i*ldc + j]}: the accumulators start from C, so each element is the fma chain of
     * Note [GEMM rounding].
     */
    static void kernel(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc) {
        kernel6(kc, a, ao, b, bo, c, co, ldc);
    }

    /**
     * Packs {@code slivers} whole slivers of {@link #NR} lanes from a source whose steps are contiguous and whose
     * lanes are {@code ls} apart (B transposed, as in {@code x @ W.T}): {@code dst[d0 + s*NR*kcp + p*NR + l] =
     * x[xo + (s*NR + l)*ls + p]} for p < kc. Each step of a sliver is two gathers (one per vector of lanes),
     * about three times faster than moving the elements one by one. The caller zeroes the steps kc <= p < kcp.
     */
    static void packGather(float[] x, int xo, int ls, int slivers, int kc, int kcp, float[] dst, int d0) {
        int[] lanes = new int[L];
        for (int l = 0; l < L; l++) {
            lanes[l] = l * ls;
        }
        for (int s = 0; s < slivers; s++) {
            int src = xo + s * NR * ls;
            int d = d0 + s * NR * kcp;
            for (int p = 0; p < kc; p++) {
                FloatVector.fromArray(S, x, src + p, lanes, 0).intoArray(dst, d + p * NR);
                FloatVector.fromArray(S, x, src + L * ls + p, lanes, 0).intoArray(dst, d + p * NR + L);
            }
        }
    }

    /**
     * {@code C[m, n'] (+)= A B} without packing, for B with unit column step, over the first
     * {@code n' = n - n % L} columns (returned; the caller computes the rest). Each row of C is done four
     * vectors (then one) at a time: the accumulators start from C, or from +0, and take one fma per step p in
     * order, so every element is the fma chain of Note [GEMM rounding], the same bits as the packed path. For
     * small products, where packing costs more than the loads it saves.
     */
    static int direct(int m, int n, int k, float[] a, int ao, int ars, int acs, float[] b, int bo, int brs,
            float[] c, int co, int ldc, boolean accumulate) {
        int nv = n - n % L;
        for (int i = 0; i < m; i++) {
            int ci = co + i * ldc;
            int ai = ao + i * ars;
            int j = 0;
            for (; j + 4 * L <= nv; j += 4 * L) {
                FloatVector c0 = accumulate ? FloatVector.fromArray(S, c, ci + j) : FloatVector.zero(S);
                FloatVector c1 = accumulate ? FloatVector.fromArray(S, c, ci + j + L) : FloatVector.zero(S);
                FloatVector c2 = accumulate ? FloatVector.fromArray(S, c, ci + j + 2 * L) : FloatVector.zero(S);
                FloatVector c3 = accumulate ? FloatVector.fromArray(S, c, ci + j + 3 * L) : FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    FloatVector x = FloatVector.broadcast(S, a[ai + p * acs]);
                    int bp = bo + p * brs + j;
                    c0 = x.fma(FloatVector.fromArray(S, b, bp), c0);
                    c1 = x.fma(FloatVector.fromArray(S, b, bp + L), c1);
                    c2 = x.fma(FloatVector.fromArray(S, b, bp + 2 * L), c2);
                    c3 = x.fma(FloatVector.fromArray(S, b, bp + 3 * L), c3);
                }
                c0.intoArray(c, ci + j);
                c1.intoArray(c, ci + j + L);
                c2.intoArray(c, ci + j + 2 * L);
                c3.intoArray(c, ci + j + 3 * L);
            }
            for (; j < nv; j += L) {
                FloatVector c0 = accumulate ? FloatVector.fromArray(S, c, ci + j) : FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    FloatVector x = FloatVector.broadcast(S, a[ai + p * acs]);
                    c0 = x.fma(FloatVector.fromArray(S, b, bo + p * brs + j), c0);
                }
                c0.intoArray(c, ci + j);
            }
        }
        return nv;
    }

    /*
     * The kernel below is unrolled by hand: row i of the tile accumulates in c{i}0 and c{i}1 (two vectors),
     * b0 and b1 hold step p's two vectors of the B sliver, x the broadcast A[i, p]. Two steps per iteration (so
     * the loop overhead takes less of the FMA ports) and no odd-step tail: a bigger method makes C1 run out of
     * virtual registers in its tier-3 OSR compile, which can leave the method stuck in tier-2 C1 code that does
     * not intrinsify the Vector API (0.5 GFLOPS); more steps also make C2 hoist loads and spill accumulators.
     */

    private static void kernel6(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co + 0 * L);
        FloatVector c01 = FloatVector.fromArray(S, c, co + 1 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, co + 1 * ldc + 0 * L);
        FloatVector c11 = FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * ldc + 0 * L);
        FloatVector c21 = FloatVector.fromArray(S, c, co + 2 * ldc + 1 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * ldc + 0 * L);
        FloatVector c31 = FloatVector.fromArray(S, c, co + 3 * ldc + 1 * L);
        FloatVector c40 = FloatVector.fromArray(S, c, co + 4 * ldc + 0 * L);
        FloatVector c41 = FloatVector.fromArray(S, c, co + 4 * ldc + 1 * L);
        FloatVector c50 = FloatVector.fromArray(S, c, co + 5 * ldc + 0 * L);
        FloatVector c51 = FloatVector.fromArray(S, c, co + 5 * ldc + 1 * L);
        FloatVector x, b0, b1;
        int ia = ao;
        int ib = bo;
        int aEnd = ao + kc * 6;
        for (; ia < aEnd; ia += 12, ib += 4 * L) {
            b0 = FloatVector.fromArray(S, b, ib + 0 * L + 0 * L);
            b1 = FloatVector.fromArray(S, b, ib + 0 * L + 1 * L);
            x = FloatVector.broadcast(S, a[ia + 0]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ia + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ia + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ia + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ia + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ia + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            b0 = FloatVector.fromArray(S, b, ib + 2 * L + 0 * L);
            b1 = FloatVector.fromArray(S, b, ib + 2 * L + 1 * L);
            x = FloatVector.broadcast(S, a[ia + 6]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ia + 7]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ia + 8]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ia + 9]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ia + 10]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ia + 11]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(c, co + 0 * L);
        c01.intoArray(c, co + 1 * L);
        c10.intoArray(c, co + 1 * ldc + 0 * L);
        c11.intoArray(c, co + 1 * ldc + 1 * L);
        c20.intoArray(c, co + 2 * ldc + 0 * L);
        c21.intoArray(c, co + 2 * ldc + 1 * L);
        c30.intoArray(c, co + 3 * ldc + 0 * L);
        c31.intoArray(c, co + 3 * ldc + 1 * L);
        c40.intoArray(c, co + 4 * ldc + 0 * L);
        c41.intoArray(c, co + 4 * ldc + 1 * L);
        c50.intoArray(c, co + 5 * ldc + 0 * L);
        c51.intoArray(c, co + 5 * ldc + 1 * L);
    }
}
