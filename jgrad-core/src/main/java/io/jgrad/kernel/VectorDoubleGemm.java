package io.jgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FLOAT64 GEMM micro-kernel with the Vector API (see {@link DoubleGemm}); loaded only when
 * {@link Simd#ENABLED}. One call computes an {@link #MR} x {@link #NR} tile of C from a packed A sliver
 * ({@code a[ao + p*MR + i]}) and a packed B sliver ({@code b[bo + p*NR + j]}): per step p, two vector loads
 * of B, MR broadcasts of A and 2*MR fused multiply-adds into accumulators that live in registers.
 *
 * <p>{@code VectorFloatGemm.java} is GENERATED from this file (see {@code FloatOpsGeneratorTest}).
 */
final class VectorDoubleGemm {
    private VectorDoubleGemm() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Tile rows. */
    static final int MR = 12;
    /** Tile columns: two vectors. */
    static final int NR = 2 * L;

    /**
     * {@code C[0:MR, 0:NR] = (load ? C : 0) + A_sliver B_sliver} over kc steps, C at {@code c[co + i*ldc + j]}.
     */
    static void kernel(int kc, double[] a, int ao, double[] b, int bo, double[] c, int co, int ldc, boolean load) {
        DoubleVector c00 = load ? DoubleVector.fromArray(S, c, co + 0 * L) : DoubleVector.zero(S);
        DoubleVector c01 = load ? DoubleVector.fromArray(S, c, co + 1 * L) : DoubleVector.zero(S);
        DoubleVector c10 = load ? DoubleVector.fromArray(S, c, co + 1 * ldc + 0 * L) : DoubleVector.zero(S);
        DoubleVector c11 = load ? DoubleVector.fromArray(S, c, co + 1 * ldc + 1 * L) : DoubleVector.zero(S);
        DoubleVector c20 = load ? DoubleVector.fromArray(S, c, co + 2 * ldc + 0 * L) : DoubleVector.zero(S);
        DoubleVector c21 = load ? DoubleVector.fromArray(S, c, co + 2 * ldc + 1 * L) : DoubleVector.zero(S);
        DoubleVector c30 = load ? DoubleVector.fromArray(S, c, co + 3 * ldc + 0 * L) : DoubleVector.zero(S);
        DoubleVector c31 = load ? DoubleVector.fromArray(S, c, co + 3 * ldc + 1 * L) : DoubleVector.zero(S);
        DoubleVector c40 = load ? DoubleVector.fromArray(S, c, co + 4 * ldc + 0 * L) : DoubleVector.zero(S);
        DoubleVector c41 = load ? DoubleVector.fromArray(S, c, co + 4 * ldc + 1 * L) : DoubleVector.zero(S);
        DoubleVector c50 = load ? DoubleVector.fromArray(S, c, co + 5 * ldc + 0 * L) : DoubleVector.zero(S);
        DoubleVector c51 = load ? DoubleVector.fromArray(S, c, co + 5 * ldc + 1 * L) : DoubleVector.zero(S);
        DoubleVector c60 = load ? DoubleVector.fromArray(S, c, co + 6 * ldc + 0 * L) : DoubleVector.zero(S);
        DoubleVector c61 = load ? DoubleVector.fromArray(S, c, co + 6 * ldc + 1 * L) : DoubleVector.zero(S);
        DoubleVector c70 = load ? DoubleVector.fromArray(S, c, co + 7 * ldc + 0 * L) : DoubleVector.zero(S);
        DoubleVector c71 = load ? DoubleVector.fromArray(S, c, co + 7 * ldc + 1 * L) : DoubleVector.zero(S);
        DoubleVector c80 = load ? DoubleVector.fromArray(S, c, co + 8 * ldc + 0 * L) : DoubleVector.zero(S);
        DoubleVector c81 = load ? DoubleVector.fromArray(S, c, co + 8 * ldc + 1 * L) : DoubleVector.zero(S);
        DoubleVector c90 = load ? DoubleVector.fromArray(S, c, co + 9 * ldc + 0 * L) : DoubleVector.zero(S);
        DoubleVector c91 = load ? DoubleVector.fromArray(S, c, co + 9 * ldc + 1 * L) : DoubleVector.zero(S);
        DoubleVector c100 = load ? DoubleVector.fromArray(S, c, co + 10 * ldc + 0 * L) : DoubleVector.zero(S);
        DoubleVector c101 = load ? DoubleVector.fromArray(S, c, co + 10 * ldc + 1 * L) : DoubleVector.zero(S);
        DoubleVector c110 = load ? DoubleVector.fromArray(S, c, co + 11 * ldc + 0 * L) : DoubleVector.zero(S);
        DoubleVector c111 = load ? DoubleVector.fromArray(S, c, co + 11 * ldc + 1 * L) : DoubleVector.zero(S);
        DoubleVector x, b0, b1;
        int p = 0;
        for (; p <= kc - 2; p += 2) {
            {
                int ap = ao + (p + 0) * 12;
                int bp = bo + (p + 0) * 2 * L;
                b0 = DoubleVector.fromArray(S, b, bp + 0 * L);
                b1 = DoubleVector.fromArray(S, b, bp + 1 * L);
                x = DoubleVector.broadcast(S, a[ap + 0]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = DoubleVector.broadcast(S, a[ap + 1]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = DoubleVector.broadcast(S, a[ap + 2]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = DoubleVector.broadcast(S, a[ap + 3]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = DoubleVector.broadcast(S, a[ap + 4]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = DoubleVector.broadcast(S, a[ap + 5]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
                x = DoubleVector.broadcast(S, a[ap + 6]);
                c60 = x.fma(b0, c60);
                c61 = x.fma(b1, c61);
                x = DoubleVector.broadcast(S, a[ap + 7]);
                c70 = x.fma(b0, c70);
                c71 = x.fma(b1, c71);
                x = DoubleVector.broadcast(S, a[ap + 8]);
                c80 = x.fma(b0, c80);
                c81 = x.fma(b1, c81);
                x = DoubleVector.broadcast(S, a[ap + 9]);
                c90 = x.fma(b0, c90);
                c91 = x.fma(b1, c91);
                x = DoubleVector.broadcast(S, a[ap + 10]);
                c100 = x.fma(b0, c100);
                c101 = x.fma(b1, c101);
                x = DoubleVector.broadcast(S, a[ap + 11]);
                c110 = x.fma(b0, c110);
                c111 = x.fma(b1, c111);
            }
            {
                int ap = ao + (p + 1) * 12;
                int bp = bo + (p + 1) * 2 * L;
                b0 = DoubleVector.fromArray(S, b, bp + 0 * L);
                b1 = DoubleVector.fromArray(S, b, bp + 1 * L);
                x = DoubleVector.broadcast(S, a[ap + 0]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = DoubleVector.broadcast(S, a[ap + 1]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = DoubleVector.broadcast(S, a[ap + 2]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = DoubleVector.broadcast(S, a[ap + 3]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = DoubleVector.broadcast(S, a[ap + 4]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = DoubleVector.broadcast(S, a[ap + 5]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
                x = DoubleVector.broadcast(S, a[ap + 6]);
                c60 = x.fma(b0, c60);
                c61 = x.fma(b1, c61);
                x = DoubleVector.broadcast(S, a[ap + 7]);
                c70 = x.fma(b0, c70);
                c71 = x.fma(b1, c71);
                x = DoubleVector.broadcast(S, a[ap + 8]);
                c80 = x.fma(b0, c80);
                c81 = x.fma(b1, c81);
                x = DoubleVector.broadcast(S, a[ap + 9]);
                c90 = x.fma(b0, c90);
                c91 = x.fma(b1, c91);
                x = DoubleVector.broadcast(S, a[ap + 10]);
                c100 = x.fma(b0, c100);
                c101 = x.fma(b1, c101);
                x = DoubleVector.broadcast(S, a[ap + 11]);
                c110 = x.fma(b0, c110);
                c111 = x.fma(b1, c111);
            }
        }
        for (; p < kc; p++) {
            int ap = ao + (p) * 12;
            int bp = bo + (p) * 2 * L;
            b0 = DoubleVector.fromArray(S, b, bp + 0 * L);
            b1 = DoubleVector.fromArray(S, b, bp + 1 * L);
            x = DoubleVector.broadcast(S, a[ap + 0]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, a[ap + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, a[ap + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(S, a[ap + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(S, a[ap + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            x = DoubleVector.broadcast(S, a[ap + 8]);
            c80 = x.fma(b0, c80);
            c81 = x.fma(b1, c81);
            x = DoubleVector.broadcast(S, a[ap + 9]);
            c90 = x.fma(b0, c90);
            c91 = x.fma(b1, c91);
            x = DoubleVector.broadcast(S, a[ap + 10]);
            c100 = x.fma(b0, c100);
            c101 = x.fma(b1, c101);
            x = DoubleVector.broadcast(S, a[ap + 11]);
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
