package io.jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.nn.Parameter;
import io.jgrad.optim.SGD;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The large-tensor kernels give the same results on any thread count (Note [Same bits on any thread count]), and
 * the fused kernels the same as the multi-pass formulas they replace.
 *
 * <p>Exactly the same bits, also for exp, log, sin, cos, tanh and sigmoid: their vector loops use none of the
 * Vector API's transcendental operators, whose Java fallback and compiled code differ in the last bit (Note
 * [Same bits in fallback and compiled code] in VectorFloatOps).
 */
class ElementwiseTest {
    private final int savedThreads = Parallel.getNumThreads();

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(savedThreads);
    }

    @Test
    void forRangeCutsAtMultiplesOfAlignAndRunsEveryIndexOnce() {
        for (int threads : new int[] {1, 2, 3, 7}) {
            Parallel.setNumThreads(threads);
            for (int n : new int[] {0, 1, 99, 100, 101, 1000, 4097, 100_003}) {
                int[] hits = new int[n];
                java.util.List<int[]> ranges = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
                Parallel.forRange(n, 10, 64, (from, to) -> {
                    ranges.add(new int[] {from, to});
                    for (int i = from; i < to; i++) {
                        hits[i]++;
                    }
                });
                for (int h : hits) {
                    assertEquals(1, h, "n=" + n);
                }
                assertEquals(true, ranges.size() <= Math.max(1, 4 * threads), "ranges " + ranges.size());
                for (int[] r : ranges) {
                    assertEquals(0, r[0] % 64, "range start");
                    assertEquals(true, r[1] == n || r[1] % 64 == 0, "range end");
                }
            }
        }
    }

    /** Lengths around the vector, alignment and parallel thresholds, with odd tails. */
    private static final int[] LENGTHS = {5, VectorFloatOps.MIN_LENGTH - 1, VectorFloatOps.MIN_LENGTH + 2, 4096 + 3, 2 * Elementwise.GRAIN - 1, 2 * Elementwise.GRAIN + 17,
        3 * Elementwise.GRAIN + Elementwise.ALIGN + 5, 1_000_003};

    private static float[] randomFloats(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextGaussian() * 3);
        }
        a[n / 2] = Float.NaN;
        a[n / 3] = -0f;
        return a;
    }

    /** Values in [0, 1], with some exact 0s and 1s. */
    private static float[] probabilities(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 17 == 0 ? 0f : i % 19 == 0 ? 1f : r.nextFloat();
        }
        return a;
    }

    private static <T> T onThreads(int threads, Supplier<T> body) {
        Parallel.setNumThreads(threads);
        return body.get();
    }

    @Test
    void unaryAndBinaryGiveTheSameBitsOnOneAndThreeThreads() {
        for (int n : LENGTHS) {
            float[] a = randomFloats(n, n);
            float[] b = randomFloats(n, n + 1);
            for (UnaryOp op : UnaryOp.values()) {
                float[] one = onThreads(1, () -> {
                    float[] o = new float[n];
                    Elementwise.unary(op, a, 0, o, 0, n);
                    return o;
                });
                float[] three = onThreads(3, () -> {
                    float[] o = new float[n + 2];
                    Elementwise.unary(op, a, 0, o, 2, n);
                    return java.util.Arrays.copyOfRange(o, 2, n + 2);
                });
                assertArrayEquals(one, three, op + " n=" + n);
            }
            float[] p = probabilities(n, n + 2);
            float[] q = probabilities(n, n + 3);
            for (BinaryOp op : BinaryOp.values()) {
                // The cross-entropy's arguments are probabilities (elsewhere its terms cancel, amplifying ulps).
                boolean bce = op == BinaryOp.BINARY_CROSS_ENTROPY || op == BinaryOp.BINARY_CROSS_ENTROPY_BACKWARD;
                float[] x = bce ? p : a;
                float[] y = bce ? q : b;
                for (int[] steps : new int[][] {{1, 1}, {1, 0}, {0, 1}}) {
                    Supplier<float[]> run = () -> {
                        float[] o = new float[n];
                        Elementwise.binary(op, x, 1, steps[0], y, 0, steps[1], o, 0, n - 1);
                        return o;
                    };
                    assertArrayEquals(onThreads(1, run), onThreads(3, run), op + " n=" + n);
                }
            }
        }
    }

    @Test
    void sumGivesTheSameBitsOnOneAndThreeThreadsAndMatchesTheSingleLoop() {
        for (int n : LENGTHS) {
            float[] a = randomFloats(n, 7 * n);
            a[n / 2] = 1;
            double one = onThreads(1, () -> Elementwise.sum(a, 1, n - 1));
            double three = onThreads(3, () -> Elementwise.sum(a, 1, n - 1));
            assertEquals(Double.doubleToRawLongBits(one), Double.doubleToRawLongBits(three), "n=" + n);
            assertEquals(FloatOps.sumAll(a, 1, n - 1), one, 1e-5 * n, "n=" + n);
        }
    }

    @Test
    void sumDimGivesFloatOpsBits() {
        int[][] shapes = {{1, 128, 512}, {3, 110, 203}, {3, 7, 65}, {2, 5, 1030}, {1, 1000, 1000}, {4, 3, 64}, {2, 300, 9}};
        for (int[] s : shapes) {
            int n = s[0] * s[1] * s[2];
            float[] a = randomFloats(n + 3, n);
            float[] expected = new float[s[0] * s[2]];
            float[] actual = new float[s[0] * s[2]];
            FloatOps.sumDim(a, 3, s[0], s[1], s[2], expected);
            Elementwise.sumDim(a, 3, s[0], s[1], s[2], actual);
            assertArrayEquals(expected, actual, java.util.Arrays.toString(s));
        }
    }

    @Test
    void fusedBackwardKernelsEqualTheirFormulas() {
        for (int n : LENGTHS) {
            float[] g = randomFloats(n, 3 * n);
            float[] x = randomFloats(n, 5 * n);
            float[] o = new float[n];
            float[] t = new float[n];
            Elementwise.binary(BinaryOp.SIN_BACKWARD, g, 0, 1, x, 0, 1, o, 0, n);
            Elementwise.unary(UnaryOp.COS, x, 0, t, 0, n);
            Elementwise.binary(BinaryOp.MUL, g, 0, 1, t, 0, 1, t, 0, n);
            assertArrayEquals(t, o, "sin backward n=" + n);

            Elementwise.binary(BinaryOp.COS_BACKWARD, g, 0, 1, x, 0, 1, o, 0, n);
            Elementwise.unary(UnaryOp.SIN, x, 0, t, 0, n);
            Elementwise.unary(UnaryOp.NEG, t, 0, t, 0, n);
            Elementwise.binary(BinaryOp.MUL, g, 0, 1, t, 0, 1, t, 0, n);
            assertArrayEquals(t, o, "cos backward n=" + n);

            Elementwise.binary(BinaryOp.RELU_BACKWARD, g, 0, 1, x, 0, 1, o, 0, n);
            for (int i = 0; i < n; i++) {
                t[i] = x[i] > 0 ? g[i] : 0f;
            }
            assertArrayEquals(t, o, "relu backward n=" + n);

            Elementwise.unary(UnaryOp.RELU, x, 0, o, 0, n);
            FloatOps.unary(UnaryOp.RELU, x, 0, t, 0, n);
            assertArrayEquals(t, o, "relu n=" + n);
        }
    }

    @Test
    void fusedBinaryCrossEntropyEqualsItsFormula() {
        for (int n : LENGTHS) {
            Random r = new Random(n);
            float[] x = new float[n];
            float[] t = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = i % 17 == 0 ? 0f : i % 19 == 0 ? 1f : i % 23 == 0 ? 1e-7f : r.nextFloat();
                t[i] = i % 3 == 0 ? r.nextFloat() : i % 2;
            }
            float[] one = {1f};
            float[] o = new float[n];
            Elementwise.binary(BinaryOp.BINARY_CROSS_ENTROPY, x, 0, 1, t, 0, 1, o, 0, n);
            // Clamped logs, then -(t logX + (1 - t) log1mX), one op at a time.
            float[] logX = new float[n];
            float[] log1mX = new float[n];
            float[] u = new float[n];
            Elementwise.unary(UnaryOp.LOG, x, 0, u, 0, n);
            FloatOps.clamp(u, 0, -100f, Float.NaN, logX, n);
            Elementwise.binary(BinaryOp.SUB, one, 0, 0, x, 0, 1, u, 0, n);
            Elementwise.unary(UnaryOp.LOG, u, 0, u, 0, n);
            FloatOps.clamp(u, 0, -100f, Float.NaN, log1mX, n);
            Elementwise.binary(BinaryOp.MUL, t, 0, 1, logX, 0, 1, logX, 0, n);
            Elementwise.binary(BinaryOp.SUB, one, 0, 0, t, 0, 1, u, 0, n);
            Elementwise.binary(BinaryOp.MUL, u, 0, 1, log1mX, 0, 1, log1mX, 0, n);
            Elementwise.binary(BinaryOp.ADD, logX, 0, 1, log1mX, 0, 1, u, 0, n);
            Elementwise.unary(UnaryOp.NEG, u, 0, u, 0, n);
            assertArrayEquals(u, o, "bce n=" + n);

            // (x - t) / max(x (1 - x), 1e-12)
            Elementwise.binary(BinaryOp.BINARY_CROSS_ENTROPY_BACKWARD, x, 0, 1, t, 0, 1, o, 0, n);
            float[] d = new float[n];
            Elementwise.binary(BinaryOp.SUB, one, 0, 0, x, 0, 1, u, 0, n);
            Elementwise.binary(BinaryOp.MUL, x, 0, 1, u, 0, 1, u, 0, n);
            FloatOps.clamp(u, 0, (float) 1e-12, Float.NaN, d, n);
            Elementwise.binary(BinaryOp.SUB, x, 0, 1, t, 0, 1, u, 0, n);
            Elementwise.binary(BinaryOp.DIV, u, 0, 1, d, 0, 1, u, 0, n);
            assertArrayEquals(u, o, "bce backward n=" + n);
        }
    }

    @Test
    void fusedSgdStepEqualsTheInPlaceOps() {
        for (int n : new int[] {3, 200, 2 * Elementwise.GRAIN + 9}) {
            for (double[] opt : new double[][] {{0.9, 0}, {0.9, 0.25}, {0, 0}}) {
                float[] init = randomFloats(n, n + 11);
                init[n / 2] = 0.5f;
                init[n / 3] = 0.25f;
                float[][] grads = {randomFloats(n, 1), randomFloats(n, 2), randomFloats(n, 3)};
                for (float[] gr : grads) {
                    gr[n / 2] = 1;
                    gr[n / 3] = -1;
                }
                // The fused step (SGD.update) against the same update spelled with in-place ops.
                Tensor p = new Parameter(Torch.tensor(init.clone()));
                SGD opt1 = new SGD(List.of(p), 0.01, opt[0], opt[1]);
                Tensor q = Torch.tensor(init.clone());
                Tensor buf = null;
                for (float[] gr : grads) {
                    p.setGrad(Torch.tensor(gr.clone()));
                    int before = p.version();
                    opt1.step();
                    assertEquals(before + 1, p.version());
                    Tensor dp = Torch.tensor(gr.clone());
                    if (opt[0] != 0) {
                        if (buf == null) {
                            buf = dp.clone();
                        } else {
                            buf.mul_(opt[0]).add_(dp, 1 - opt[1]);
                        }
                        dp = buf;
                    }
                    q.add_(dp, -0.01);
                    assertArrayEquals(q.toFloatArray(), p.detach().toFloatArray(), "n=" + n);
                }
            }
        }
    }
}
