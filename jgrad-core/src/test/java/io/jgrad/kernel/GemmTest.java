package io.jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FloatGemm} and {@link DoubleGemm} called directly: odd and edge sizes, strided, transposed and
 * expanded operands, C inside a larger buffer, accumulation, the vector and scalar micro-kernels, and one vs
 * several threads. Each result is checked twice: bit for bit against the fused multiply-add chain of
 * Note [GEMM rounding], and against a float64 (for doubles: compensated) reference within BLAS's error bound,
 * scaled by k.
 */
class GemmTest {
    private final int savedThreads = Parallel.getNumThreads();

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(savedThreads);
    }

    /** How an operand is laid out in its array. */
    enum Layout { ROW_MAJOR, TRANSPOSED, PADDED, EXPANDED_ROW }

    /** A matrix stored in an array with an offset and strides. */
    record Mat(double[] data, int off, int rs, int cs) {
        double get(int i, int j) {
            return data[off + i * rs + j * cs];
        }

        float[] floats() {
            float[] f = new float[data.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
            return f;
        }
    }

    /** A rows x cols matrix laid out as asked, its entries random (exactly representable in float). */
    static Mat make(Random r, int rows, int cols, Layout layout) {
        int off = r.nextInt(5);
        Mat m;
        switch (layout) {
            case ROW_MAJOR: m = new Mat(new double[off + rows * cols], off, cols, 1); break;
            case TRANSPOSED: m = new Mat(new double[off + rows * cols], off, 1, Math.max(rows, 1)); break;
            case PADDED: m = new Mat(new double[off + rows * (2 * cols + 3) * 2], off, 2 * (2 * cols + 3), 2); break;
            default: m = new Mat(new double[off + cols], off, 0, 1); break; // every row the same: a stride-0 view
        }
        for (int i = 0; i < m.data.length; i++) m.data[i] = (float) (r.nextGaussian());
        return m;
    }

    static Stream<Arguments> shapes() {
        List<Arguments> out = new ArrayList<>();
        Random r = new Random(5);
        int[][] fixed = {
            {0, 0, 0}, {0, 5, 3}, {5, 0, 3}, {5, 3, 0}, {1, 1, 1}, {1, 70, 1}, {70, 1, 1}, {1, 1, 70}, {1, 300, 40},
            {300, 1, 40}, {40, 300, 1}, {127, 127, 127}, {257, 257, 257}, {1000, 3, 3}, {3, 1000, 3}, {1000, 3, 64},
            {64, 3, 1000}, {13, 35, 600}, {200, 260, 700}, {33, 31, 17}, {65, 66, 67}};
        for (int[] s : fixed) out.add(Arguments.of(s[0], s[1], s[2]));
        for (int t = 0; t < 40; t++) {
            out.add(Arguments.of(r.nextInt(71), r.nextInt(71), r.nextInt(71)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}x{2} * {2}x{1}")
    @MethodSource("shapes")
    void matchesTheFmaChainAndTheFloat64Reference(int m, int n, int k) {
        Random r = new Random(31L * m + 7L * n + k);
        Layout[] layouts = Layout.values();
        for (Layout la : layouts) {
            for (Layout lb : layouts) {
                Mat a = make(r, m, k, la);
                Mat b = make(r, k, n, lb);
                for (boolean vector : vectorChoices()) {
                    checkDouble(a, b, m, n, k, vector, false);
                    checkFloat(a, b, m, n, k, vector, false);
                }
            }
        }
        // Accumulating into C.
        Mat a = make(r, m, k, Layout.ROW_MAJOR);
        Mat b = make(r, k, n, Layout.TRANSPOSED);
        for (boolean vector : vectorChoices()) {
            checkDouble(a, b, m, n, k, vector, true);
            checkFloat(a, b, m, n, k, vector, true);
        }
    }

    /** The vector kernel when the Vector API is on, and the scalar kernel always. */
    static boolean[] vectorChoices() {
        return Simd.ENABLED ? new boolean[] {true, false} : new boolean[] {false};
    }

    private static final int LDC_PAD = 3;

    static void checkDouble(Mat a, Mat b, int m, int n, int k, boolean vector, boolean accumulate) {
        int ldc = n + LDC_PAD;
        double[] c = new double[2 + m * ldc];
        Random r = new Random(m * 131 + n);
        for (int i = 0; i < c.length; i++) c[i] = r.nextGaussian();
        double[] before = c.clone();
        DoubleGemm.gemm(m, n, k, a.data, a.off, a.rs, a.cs, b.data, b.off, b.rs, b.cs, c, 2, ldc, accumulate, vector,
                false);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double chain = accumulate ? before[2 + i * ldc + j] : 0;
                double exact = chain;
                double bound = Math.abs(chain);
                for (int p = 0; p < k; p++) {
                    chain = Math.fma(a.get(i, p), b.get(p, j), chain);
                    exact += a.get(i, p) * b.get(p, j); // products of float-valued doubles are exact
                    bound += Math.abs(a.get(i, p) * b.get(p, j));
                }
                double got = c[2 + i * ldc + j];
                assertEquals(chain, got, 0.0, () -> "fma chain, " + where(m, n, k, vector));
                assertTrue(Math.abs(got - exact) <= (k + 1) * 0x1p-52 * bound + 1e-300,
                        () -> "float64 error bound, " + where(m, n, k, vector));
            }
        }
        assertOutsideUntouched(before, c, m, n, ldc, 2);
    }

    static void checkFloat(Mat a, Mat b, int m, int n, int k, boolean vector, boolean accumulate) {
        float[] af = a.floats();
        float[] bf = b.floats();
        int ldc = n + LDC_PAD;
        float[] c = new float[2 + m * ldc];
        Random r = new Random(m * 131 + n);
        for (int i = 0; i < c.length; i++) c[i] = (float) r.nextGaussian();
        float[] before = c.clone();
        FloatGemm.gemm(m, n, k, af, a.off, a.rs, a.cs, bf, b.off, b.rs, b.cs, c, 2, ldc, accumulate, vector, false);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float chain = accumulate ? before[2 + i * ldc + j] : 0f;
                double ref = chain;
                double bound = Math.abs(chain);
                for (int p = 0; p < k; p++) {
                    float x = af[a.off + i * a.rs + p * a.cs];
                    float y = bf[b.off + p * b.rs + j * b.cs];
                    chain = Math.fma(x, y, chain);
                    ref += (double) x * y;
                    bound += Math.abs((double) x * y);
                }
                float got = c[2 + i * ldc + j];
                assertEquals(chain, got, 0.0f, () -> "fma chain, " + where(m, n, k, vector));
                assertTrue(Math.abs(got - ref) <= (k + 1) * 0x1p-23 * bound + 1e-30,
                        () -> "float32 error bound vs float64, " + where(m, n, k, vector));
            }
        }
        double[] bd = new double[before.length];
        double[] cd = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            bd[i] = before[i];
            cd[i] = c[i];
        }
        assertOutsideUntouched(bd, cd, m, n, ldc, 2);
    }

    static void assertOutsideUntouched(double[] before, double[] after, int m, int n, int ldc, int co) {
        for (int i = 0; i < after.length; i++) {
            int rel = i - co;
            boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
            if (!inside) {
                assertEquals(before[i], after[i], 0.0, "C written outside its m x n block at " + i);
            }
        }
    }

    static String where(int m, int n, int k, boolean vector) {
        return m + "x" + k + " * " + k + "x" + n + (vector ? " (vector kernel)" : " (scalar kernel)");
    }

    /** Large products split over threads give the single-thread result bit for bit, both ways of splitting. */
    @Test
    void threadsDoNotChangeTheResult() {
        Random r = new Random(3);
        int[][] sizes = {{300, 290, 310}, {97, 700, 130}, {700, 97, 130}, {513, 511, 257}, {20, 900, 200}, {1200, 40, 600}};
        for (int[] s : sizes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            Mat a = make(r, m, k, Layout.ROW_MAJOR);
            Mat b = make(r, k, n, Layout.TRANSPOSED);
            float[] af = a.floats();
            float[] bf = b.floats();
            for (boolean vector : vectorChoices()) {
                float[] one = new float[m * n];
                FloatGemm.gemm(m, n, k, af, a.off, a.rs, a.cs, bf, b.off, b.rs, b.cs, one, 0, n, false, vector, false);
                double[] oneD = new double[m * n];
                DoubleGemm.gemm(m, n, k, a.data, a.off, a.rs, a.cs, b.data, b.off, b.rs, b.cs, oneD, 0, n, false,
                        vector, false);
                for (int threads : new int[] {2, 3, 4}) {
                    Parallel.setNumThreads(threads);
                    float[] many = new float[m * n];
                    FloatGemm.gemm(m, n, k, af, a.off, a.rs, a.cs, bf, b.off, b.rs, b.cs, many, 0, n, false, vector,
                            true);
                    assertArrayEquals(one, many, threads + " threads, " + where(m, n, k, vector));
                    double[] manyD = new double[m * n];
                    DoubleGemm.gemm(m, n, k, a.data, a.off, a.rs, a.cs, b.data, b.off, b.rs, b.cs, manyD, 0, n, false,
                            vector, true);
                    assertArrayEquals(oneD, manyD, threads + " threads, " + where(m, n, k, vector));
                }
            }
        }
    }

    /** The public entry point uses the vector kernel exactly when SIMD is on; results are the same either way. */
    @Test
    void publicEntryPointMatchesBothKernels() {
        Random r = new Random(11);
        int m = 77;
        int n = 45;
        int k = 93;
        Mat a = make(r, m, k, Layout.PADDED);
        Mat b = make(r, k, n, Layout.ROW_MAJOR);
        float[] af = a.floats();
        float[] bf = b.floats();
        float[] pub = new float[m * n];
        FloatGemm.gemm(m, n, k, af, a.off, a.rs, a.cs, bf, b.off, b.rs, b.cs, pub, 0, n, false);
        float[] scalar = new float[m * n];
        FloatGemm.gemm(m, n, k, af, a.off, a.rs, a.cs, bf, b.off, b.rs, b.cs, scalar, 0, n, false, false, false);
        assertArrayEquals(scalar, pub);
    }
}
