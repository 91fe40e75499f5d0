package io.jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vector loops of exp, log, sin, cos, tanh, sigmoid and the ops built on them give, for every element, the
 * bits of {@link FloatMath}'s scalar function of that element: whether it ran in a vector lane or in the tail,
 * at any offset, before and after C2 compiled the loop (Note [Same bits in fallback and compiled code]). Only
 * with SIMD on (the scalar run has no vector loops).
 */
class VectorFloatMathTest {
    @BeforeEach
    void simdOnly() {
        assumeTrue(Simd.ENABLED, "the Vector API kernels are off in this run");
    }

    private static final UnaryOp[] UNARY = {UnaryOp.EXP, UnaryOp.LOG, UnaryOp.SIN, UnaryOp.COS, UnaryOp.TANH,
        UnaryOp.SIGMOID};

    private static float scalar(UnaryOp op, float x) {
        switch (op) {
            case EXP:
                return FloatMath.exp(x);
            case LOG:
                return FloatMath.log(x);
            case SIN:
                return FloatMath.sin(x);
            case COS:
                return FloatMath.cos(x);
            case TANH:
                return FloatMath.tanh(x);
            case SIGMOID:
                return FloatMath.sigmoid(x);
            default:
                throw new AssertionError(op);
        }
    }

    /** Gaussian values of several scales, random bit patterns, and the special values, shuffled. */
    private static float[] inputs(int n, long seed) {
        Random r = new Random(seed);
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 1f, -1f,
            Float.MIN_VALUE, Float.MIN_NORMAL, 3e-39f, -3e-39f, Float.MAX_VALUE, 88.72284f, -103.9f, 0.625f,
            FloatMath.SIN_COS_MAX, Math.nextUp(FloatMath.SIN_COS_MAX), 1e6f, -1e30f};
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            switch (i % 5) {
                case 0:
                    a[i] = (float) r.nextGaussian();
                    break;
                case 1:
                    a[i] = (float) (r.nextGaussian() * 30);
                    break;
                case 2:
                    a[i] = Float.intBitsToFloat(r.nextInt());
                    break;
                case 3:
                    a[i] = r.nextFloat();
                    break;
                default:
                    a[i] = specials[r.nextInt(specials.length)];
            }
        }
        return a;
    }

    private static void assertElement(float expected, float actual, String message) {
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual), () -> message + ": expected "
                + expected + ", got " + actual);
    }

    @Test
    void vectorLanesGiveTheScalarFunctionsBitsColdAndCompiled() {
        // Whole vectors only (no tail), 300 times: unless earlier tests compiled the loops already, the first
        // calls run the Vector API's Java fallback and the later ones C2's code; each must give the scalar bits.
        int n = 64 * 16;
        float[] a = inputs(n, 1);
        float[] o = new float[n];
        for (int round = 0; round < 300; round++) {
            for (UnaryOp op : UNARY) {
                VectorFloatOps.unary(op, a, 0, o, 0, n);
                if (round % 50 == 0 || round == 299) {
                    for (int i = 0; i < n; i++) {
                        assertElement(scalar(op, a[i]), o[i], op + "(" + a[i] + ") round " + round);
                    }
                }
            }
        }
    }

    @Test
    void unaryOpsGiveTheScalarBitsAtAnyOffsetAndInTheTail() {
        int n = VectorFloatOps.MIN_LENGTH + 3;
        float[] a = inputs(n + 16, 2);
        for (UnaryOp op : UNARY) {
            for (int offset = 0; offset < 16; offset += 3) {
                float[] o = new float[n + 1];
                Elementwise.unary(op, a, offset, o, 1, n);
                for (int i = 0; i < n; i++) {
                    assertElement(scalar(op, a[offset + i]), o[1 + i], op + "(" + a[offset + i] + ") offset "
                            + offset + " index " + i);
                }
            }
        }
    }

    @Test
    void largeUnaryOpsSplitOverThreadsGiveTheScalarBits() {
        int n = 2 * Elementwise.GRAIN + 1029;
        float[] a = inputs(n, 3);
        int saved = Parallel.getNumThreads();
        try {
            Parallel.setNumThreads(3);
            for (UnaryOp op : UNARY) {
                float[] o = new float[n];
                Elementwise.unary(op, a, 0, o, 0, n);
                for (int i = 0; i < n; i++) {
                    assertElement(scalar(op, a[i]), o[i], op + "(" + a[i] + ") index " + i);
                }
            }
        } finally {
            Parallel.setNumThreads(saved);
        }
    }

    @Test
    void sinCosBackwardAndCrossEntropyGiveTheScalarBits() {
        int n = VectorFloatOps.MIN_LENGTH + 5;
        float[] g = inputs(n, 4);
        float[] x = inputs(n, 5);
        Random r = new Random(6);
        float[] p = new float[n];
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = i % 11 == 0 ? 0f : i % 13 == 0 ? 1f : i % 17 == 0 ? 1e-30f : r.nextFloat();
            t[i] = r.nextFloat();
        }
        float[] o = new float[n];
        for (int[] steps : new int[][] {{1, 1}, {1, 0}, {0, 1}}) {
            String at = " steps " + steps[0] + "/" + steps[1] + " index ";
            Elementwise.binary(BinaryOp.SIN_BACKWARD, g, 1, steps[0], x, 2, steps[1], o, 0, n - 2);
            for (int i = 0; i < n - 2; i++) {
                float gi = g[1 + i * steps[0]];
                float xi = x[2 + i * steps[1]];
                assertElement(gi * FloatMath.cos(xi), o[i], "sin backward " + gi + ", " + xi + at + i);
            }
            Elementwise.binary(BinaryOp.COS_BACKWARD, g, 1, steps[0], x, 2, steps[1], o, 0, n - 2);
            for (int i = 0; i < n - 2; i++) {
                float gi = g[1 + i * steps[0]];
                float xi = x[2 + i * steps[1]];
                assertElement(gi * -FloatMath.sin(xi), o[i], "cos backward " + gi + ", " + xi + at + i);
            }
            Elementwise.binary(BinaryOp.BINARY_CROSS_ENTROPY, p, 1, steps[0], t, 2, steps[1], o, 0, n - 2);
            for (int i = 0; i < n - 2; i++) {
                float pi = p[1 + i * steps[0]];
                float ti = t[2 + i * steps[1]];
                float logX = Math.max(FloatMath.log(pi), -100f);
                float log1mX = Math.max(FloatMath.log(1f - pi), -100f);
                assertElement(-(ti * logX + (1f - ti) * log1mX), o[i], "bce " + pi + ", " + ti + at + i);
            }
        }
    }
}
