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
    /** Tile rows. */
    static final int MR = 12;
    /** Tile columns: two vectors. */
    static final int NR = 2 * L;

    /**
     * {@code C[0:MR, 0:NR] = (load ? C : 0) + A_sliver B_sliver} over kc steps, C at {@code c[co + i*ldc + j]}.
     */
    static void kernel(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, boolean load) {
        FloatVector c00 = load ? FloatVector.fromArray(S, c, co + 0 * L) : FloatVector.zero(S);
        FloatVector c01 = load ? FloatVector.fromArray(S, c, co + 1 * L) : FloatVector.zero(S);
        FloatVector c10 = load ? FloatVector.fromArray(S, c, co + 1 * ldc + 0 * L) : FloatVector.zero(S);
        FloatVector c11 = load ? FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L) : FloatVector.zero(S);
        FloatVector c20 = load ? FloatVector.fromArray(S, c, co + 2 * ldc + 0 * L) : FloatVector.zero(S);
        FloatVector c21 = load ? FloatVector.fromArray(S, c, co + 2 * ldc + 1 * L) : FloatVector.zero(S);
        FloatVector c30 = load ? FloatVector.fromArray(S, c, co + 3 * ldc + 0 * L) : FloatVector.zero(S);
        FloatVector c31 = load ? FloatVector.fromArray(S, c, co + 3 * ldc + 1 * L) : FloatVector.zero(S);
        FloatVector c40 = load ? FloatVector.fromArray(S, c, co + 4 * ldc + 0 * L) : FloatVector.zero(S);
        FloatVector c41 = load ? FloatVector.fromArray(S, c, co + 4 * ldc + 1 * L) : FloatVector.zero(S);
        FloatVector c50 = load ? FloatVector.fromArray(S, c, co + 5 * ldc + 0 * L) : FloatVector.zero(S);
        FloatVector c51 = load ? FloatVector.fromArray(S, c, co + 5 * ldc + 1 * L) : FloatVector.zero(S);
        FloatVector c60 = load ? FloatVector.fromArray(S, c, co + 6 * ldc + 0 * L) : FloatVector.zero(S);
        FloatVector c61 = load ? FloatVector.fromArray(S, c, co + 6 * ldc + 1 * L) : FloatVector.zero(S);
        FloatVector c70 = load ? FloatVector.fromArray(S, c, co + 7 * ldc + 0 * L) : FloatVector.zero(S);
        FloatVector c71 = load ? FloatVector.fromArray(S, c, co + 7 * ldc + 1 * L) : FloatVector.zero(S);
        FloatVector c80 = load ? FloatVector.fromArray(S, c, co + 8 * ldc + 0 * L) : FloatVector.zero(S);
        FloatVector c81 = load ? FloatVector.fromArray(S, c, co + 8 * ldc + 1 * L) : FloatVector.zero(S);
        FloatVector c90 = load ? FloatVector.fromArray(S, c, co + 9 * ldc + 0 * L) : FloatVector.zero(S);
        FloatVector c91 = load ? FloatVector.fromArray(S, c, co + 9 * ldc + 1 * L) : FloatVector.zero(S);
        FloatVector c100 = load ? FloatVector.fromArray(S, c, co + 10 * ldc + 0 * L) : FloatVector.zero(S);
        FloatVector c101 = load ? FloatVector.fromArray(S, c, co + 10 * ldc + 1 * L) : FloatVector.zero(S);
        FloatVector c110 = load ? FloatVector.fromArray(S, c, co + 11 * ldc + 0 * L) : FloatVector.zero(S);
        FloatVector c111 = load ? FloatVector.fromArray(S, c, co + 11 * ldc + 1 * L) : FloatVector.zero(S);
        FloatVector x, b0, b1;
        int p = 0;
        for (; p <= kc - 2; p += 2) {
            {
                int ap = ao + (p + 0) * 12;
                int bp = bo + (p + 0) * 2 * L;
                b0 = FloatVector.fromArray(S, b, bp + 0 * L);
                b1 = FloatVector.fromArray(S, b, bp + 1 * L);
                x = FloatVector.broadcast(S, a[ap + 0]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = FloatVector.broadcast(S, a[ap + 1]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = FloatVector.broadcast(S, a[ap + 2]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = FloatVector.broadcast(S, a[ap + 3]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = FloatVector.broadcast(S, a[ap + 4]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = FloatVector.broadcast(S, a[ap + 5]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
                x = FloatVector.broadcast(S, a[ap + 6]);
                c60 = x.fma(b0, c60);
                c61 = x.fma(b1, c61);
                x = FloatVector.broadcast(S, a[ap + 7]);
                c70 = x.fma(b0, c70);
                c71 = x.fma(b1, c71);
                x = FloatVector.broadcast(S, a[ap + 8]);
                c80 = x.fma(b0, c80);
                c81 = x.fma(b1, c81);
                x = FloatVector.broadcast(S, a[ap + 9]);
                c90 = x.fma(b0, c90);
                c91 = x.fma(b1, c91);
                x = FloatVector.broadcast(S, a[ap + 10]);
                c100 = x.fma(b0, c100);
                c101 = x.fma(b1, c101);
                x = FloatVector.broadcast(S, a[ap + 11]);
                c110 = x.fma(b0, c110);
                c111 = x.fma(b1, c111);
            }
            {
                int ap = ao + (p + 1) * 12;
                int bp = bo + (p + 1) * 2 * L;
                b0 = FloatVector.fromArray(S, b, bp + 0 * L);
                b1 = FloatVector.fromArray(S, b, bp + 1 * L);
                x = FloatVector.broadcast(S, a[ap + 0]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = FloatVector.broadcast(S, a[ap + 1]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = FloatVector.broadcast(S, a[ap + 2]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = FloatVector.broadcast(S, a[ap + 3]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = FloatVector.broadcast(S, a[ap + 4]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = FloatVector.broadcast(S, a[ap + 5]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
                x = FloatVector.broadcast(S, a[ap + 6]);
                c60 = x.fma(b0, c60);
                c61 = x.fma(b1, c61);
                x = FloatVector.broadcast(S, a[ap + 7]);
                c70 = x.fma(b0, c70);
                c71 = x.fma(b1, c71);
                x = FloatVector.broadcast(S, a[ap + 8]);
                c80 = x.fma(b0, c80);
                c81 = x.fma(b1, c81);
                x = FloatVector.broadcast(S, a[ap + 9]);
                c90 = x.fma(b0, c90);
                c91 = x.fma(b1, c91);
                x = FloatVector.broadcast(S, a[ap + 10]);
                c100 = x.fma(b0, c100);
                c101 = x.fma(b1, c101);
                x = FloatVector.broadcast(S, a[ap + 11]);
                c110 = x.fma(b0, c110);
                c111 = x.fma(b1, c111);
            }
        }
        for (; p < kc; p++) {
            int ap = ao + (p) * 12;
            int bp = bo + (p) * 2 * L;
            b0 = FloatVector.fromArray(S, b, bp + 0 * L);
            b1 = FloatVector.fromArray(S, b, bp + 1 * L);
            x = FloatVector.broadcast(S, a[ap + 0]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ap + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ap + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ap + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            x = FloatVector.broadcast(S, a[ap + 8]);
            c80 = x.fma(b0, c80);
            c81 = x.fma(b1, c81);
            x = FloatVector.broadcast(S, a[ap + 9]);
            c90 = x.fma(b0, c90);
            c91 = x.fma(b1, c91);
            x = FloatVector.broadcast(S, a[ap + 10]);
            c100 = x.fma(b0, c100);
            c101 = x.fma(b1, c101);
            x = FloatVector.broadcast(S, a[ap + 11]);
            c110 = x.fma(b0, c110);
            c111 = x.fma(b1, c111);
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
        c60.intoArray(c, co + 6 * ldc + 0 * L);
        c61.intoArray(c, co + 6 * ldc + 1 * L);
        c70.intoArray(c, co + 7 * ldc + 0 * L);
        c71.intoArray(c, co + 7 * ldc + 1 * L);
        c80.intoArray(c, co + 8 * ldc + 0 * L);
        c81.intoArray(c, co + 8 * ldc + 1 * L);
        c90.intoArray(c, co + 9 * ldc + 0 * L);
        c91.intoArray(c, co + 9 * ldc + 1 * L);
        c100.intoArray(c, co + 10 * ldc + 0 * L);
        c101.intoArray(c, co + 10 * ldc + 1 * L);
        c110.intoArray(c, co + 11 * ldc + 0 * L);
        c111.intoArray(c, co + 11 * ldc + 1 * L);
    }
}
