package io.jgrad;

/**
 * The Cephes single-precision {@code log} and {@code sincos} as PyTorch's AVX2 kernel computes
 * them ({@code log256_ps}, {@code sincos256_ps} of {@code avx_mathfun.h}), one lane at a time
 * with the same float operations. The kernel is compiled with FMA enabled and GCC's default
 * {@code -ffp-contract=fast}, which fuses each multiply whose only use is an add into one
 * multiply-add; those are the {@link Math#fma(float, float, float)} calls here (checked
 * against PyTorch's output: without them about 1% of samples differ in the last bit).
 */
final class CephesF {
    private CephesF() {
    }

    private static final float SQRTHF = 0.707106781186547524f;
    private static final float LOG_P0 = 7.0376836292E-2f;
    private static final float LOG_P1 = -1.1514610310E-1f;
    private static final float LOG_P2 = 1.1676998740E-1f;
    private static final float LOG_P3 = -1.2420140846E-1f;
    private static final float LOG_P4 = 1.4249322787E-1f;
    private static final float LOG_P5 = -1.6668057665E-1f;
    private static final float LOG_P6 = 2.0000714765E-1f;
    private static final float LOG_P7 = -2.4999993993E-1f;
    private static final float LOG_P8 = 3.3333331174E-1f;
    private static final float LOG_Q1 = -2.12194440e-4f;
    private static final float LOG_Q2 = 0.693359375f;

    private static final float MINUS_DP1 = -0.78515625f;
    private static final float MINUS_DP2 = -2.4187564849853515625e-4f;
    private static final float MINUS_DP3 = -3.77489497744594108e-8f;
    private static final float SINCOF_P0 = -1.9515295891E-4f;
    private static final float SINCOF_P1 = 8.3321608736E-3f;
    private static final float SINCOF_P2 = -1.6666654611E-1f;
    private static final float COSCOF_P0 = 2.443315711809948E-005f;
    private static final float COSCOF_P1 = -1.388731625493765E-003f;
    private static final float COSCOF_P2 = 4.166664568298827E-002f;
    private static final float FOPI = 1.27323954473516f;

    /** {@code a * b + c} with one rounding, as the compiled kernel contracts it. */
    private static float madd(float a, float b, float c) {
        return Math.fma(a, b, c);
    }

    /** Natural logarithm of a positive float ({@code log256_ps}), NaN for {@code x <= 0}. */
    static float log(float x) {
        if (!(x > 0f)) {
            return Float.NaN;
        }
        x = Math.max(x, Float.MIN_NORMAL); // cut off denormals
        // x = m * 2^e with m in [0.5, 1)
        int bits = Float.floatToRawIntBits(x);
        int exponent = (bits >>> 23) - 0x7f;
        x = Float.intBitsToFloat((bits & ~0x7f800000) | Float.floatToRawIntBits(0.5f));
        float e = (float) exponent + 1.0f;
        // if m < sqrt(1/2): e -= 1, x = 2m - 1; else x = m - 1 (computed as (m - 1) + m or + 0). Selected
        // with a mask, as the kernel does: m is random, so a branch here mispredicts half the time.
        int small = (Float.floatToRawIntBits(x) - Float.floatToRawIntBits(SQRTHF)) >> 31; // -1 iff m < sqrt(1/2)
        float tmp = Float.intBitsToFloat(Float.floatToRawIntBits(x) & small);
        x = x - 1.0f;
        e = e - Float.intBitsToFloat(Float.floatToRawIntBits(1.0f) & small);
        x = x + tmp;
        float z = x * x;
        // y = x^3 P(x); result = x + y + e*q1 - z/2 + e*q2, with the same grouping as the kernel
        float y = madd(LOG_P0, x, LOG_P1);
        y = madd(y, x, LOG_P2);
        y = madd(y, x, LOG_P3);
        y = madd(y, x, LOG_P4);
        y = madd(y, x, LOG_P5);
        y = madd(y, x, LOG_P6);
        y = madd(y, x, LOG_P7);
        y = madd(y, x, LOG_P8);
        y = y * x;
        y = madd(y, z, e * LOG_Q1);
        y = madd(-z, 0.5f, y);
        x = madd(e, LOG_Q2, x + y);
        return x;
    }

    /** Sine and cosine ({@code sincos256_ps}): {@code out[0] = sin(x)}, {@code out[1] = cos(x)}. */
    static void sincos(float x, float[] out) {
        // Signs and the polynomial choice are bit masks, not branches (as in the kernel): the octant of a
        // random angle is random, and branches on it mispredicted about half the time.
        int signSin = Float.floatToRawIntBits(x) & 0x80000000;
        // octant j = (int(|x| * 4/pi) + 1) & ~1, then x -= j * pi/4 in three parts
        x = Math.abs(x);
        float y = x * FOPI;
        int j = (int) y; // truncation, as cvttps
        j = (j + 1) & ~1;
        y = (float) j;
        signSin ^= (j & 4) << 29; // swap_sign_bit_sin
        int sinPoly = ((j & 2) >> 1) - 1; // poly_mask: all ones where the sine polynomial gives sin
        int signCos = ((~(j - 2)) & 4) << 29;
        x = madd(y, MINUS_DP1, x);
        x = madd(y, MINUS_DP2, x);
        x = madd(y, MINUS_DP3, x);

        // both polynomials on the reduced argument
        float z = x * x;
        float yc = madd(COSCOF_P0, z, COSCOF_P1);
        yc = madd(yc, z, COSCOF_P2);
        yc = yc * z;
        yc = madd(yc, z, -(z * 0.5f));
        yc = yc + 1.0f;

        float ys = madd(SINCOF_P0, z, SINCOF_P1);
        ys = madd(ys, z, SINCOF_P2);
        ys = ys * z;
        ys = madd(ys, x, x);

        // the kernel selects with masks and adds: one term is +0, so -0 becomes +0
        int ysBits = Float.floatToRawIntBits(ys);
        int ycBits = Float.floatToRawIntBits(yc);
        float s = Float.intBitsToFloat((ysBits & sinPoly) | (ycBits & ~sinPoly)) + 0.0f;
        float c = Float.intBitsToFloat((ycBits & sinPoly) | (ysBits & ~sinPoly)) + 0.0f;
        out[0] = Float.intBitsToFloat(Float.floatToRawIntBits(s) ^ signSin);
        out[1] = Float.intBitsToFloat(Float.floatToRawIntBits(c) ^ signCos);
    }
}
