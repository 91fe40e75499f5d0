package io.jgrad.kernel;

/**
 * Float exp, log, sin, cos, tanh and sigmoid built only from operations whose results Java specifies to the
 * bit (+, -, *, /, {@link Math#fma}, {@link Math#min}, comparisons, moves between float bits and ints): the
 * scalar twins of {@link VectorFloatMath}, which does the same steps in the same order on whole vectors, so a
 * value computed in a vector lane and one computed here have the same bits (Note [Same bits in fallback and
 * compiled code] in {@link VectorFloatOps}). {@link VectorFloatOps} runs these for the elements past its last
 * whole vector.
 *
 * <p>The algorithms are Cephes' single-precision ones (expf, logf, sinf/cosf, tanhf) with Cody-Waite argument
 * reduction by constants split for {@code fma}. Measured over every float against the correctly rounded
 * result: exp, log and tanh within 1 ulp, sin and cos within 2 (see {@code FloatMathTest}). The only other
 * functions called are {@code StrictMath.sin} and {@code StrictMath.cos} (fdlibm, specified to the bit) for
 * {@code |x| >} {@link #SIN_COS_MAX}. Never {@code Math.exp} and the like: HotSpot replaces those by
 * intrinsics that need not agree with StrictMath.
 */
final class FloatMath {
    private FloatMath() {}

    /** {@code 1.5 * 2^23}: adding it rounds a float of magnitude below 2^22 to an integer, read from the low bits. */
    static final float ROUND = 0x1.8p23f;
    static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);

    // exp: x = n ln2 + r, |r| <= ln2 / 2; exp(r) = 1 + r + r^2 P(r) (Cephes expf); exp(x) = exp(r) 2^n.
    static final float LOG2E = 0x1.715476p0f;
    /** ln 2 = LN2_HI + LN2_LO (the error is below 1e-16): {@code x - n LN2_HI} is exact for the n used. */
    static final float LN2_HI = 0x1.62e43p-1f;
    static final float LN2_LO = -0x1.05c61p-29f;
    static final float EXP_P0 = 1.9875691500E-4f;
    static final float EXP_P1 = 1.3981999507E-3f;
    static final float EXP_P2 = 8.3334519073E-3f;
    static final float EXP_P3 = 4.1665795894E-2f;
    static final float EXP_P4 = 1.6666665459E-1f;
    static final float EXP_P5 = 5.0000001201E-1f;
    /** Above this exp is +inf (it overflows from 88.7228); below {@link #EXP_MIN}, 0 (it underflows from -103.973). */
    static final float EXP_MAX = 88.75f;
    static final float EXP_MIN = -104f;

    // log: x = m 2^e with m in [sqrt(1/2), sqrt(2)); log(x) = e ln2 + f - f^2/2 + f^3 P(f), f = m - 1 (Cephes logf,
    // with musl's bit trick for m and e).
    static final int SQRT_HALF_BITS = Float.floatToRawIntBits(0.707106781186547524f);
    static final int ONE_BITS = Float.floatToRawIntBits(1f);
    static final float TWO_23 = 0x1p23f;
    static final float LOG_P0 = 7.0376836292E-2f;
    static final float LOG_P1 = -1.1514610310E-1f;
    static final float LOG_P2 = 1.1676998740E-1f;
    static final float LOG_P3 = -1.2420140846E-1f;
    static final float LOG_P4 = 1.4249322787E-1f;
    static final float LOG_P5 = -1.6668057665E-1f;
    static final float LOG_P6 = 2.0000714765E-1f;
    static final float LOG_P7 = -2.4999993993E-1f;
    static final float LOG_P8 = 3.3333331174E-1f;
    /** ln 2 = LOG_Q2 + LOG_Q1, LOG_Q2 with 9 bits so that {@code e * LOG_Q2} is exact. */
    static final float LOG_Q1 = -2.12194440e-4f;
    static final float LOG_Q2 = 0.693359375f;

    // sin, cos: |x| = q pi/2 + r, |r| <= pi/4; sin and cos of r by the Cephes sinf/cosf polynomials.
    static final float TWO_OVER_PI = 0x1.45f306p-1f;
    /**
     * pi/2 = PIO2_1 + PIO2_2 + PIO2_3 (each the float nearest to what is left; the error is 1e-23).
     * {@code fma(q, -PIO2_1, |x|)} is exact for {@code |x| <=} {@link #SIN_COS_MAX}.
     */
    static final float PIO2_1 = 0x1.921fb6p0f;
    static final float PIO2_2 = -0x1.777a5cp-25f;
    static final float PIO2_3 = -0x1.ee59dap-50f;
    static final float SIN_P0 = -1.9515295891E-4f;
    static final float SIN_P1 = 8.3321608736E-3f;
    static final float SIN_P2 = -1.6666654611E-1f;
    static final float COS_P0 = 2.443315711809948E-005f;
    static final float COS_P1 = -1.388731625493765E-003f;
    static final float COS_P2 = 4.166664568298827E-002f;
    /**
     * The largest |x| that sin and cos reduce themselves; beyond it (and for +-inf) they return
     * {@code StrictMath}'s value. Measured within 2 ulp for every float below 2^18 and in [2^20, 2^21); the
     * reduction's rounding error grows with the quadrant count, so 2^15 keeps a margin.
     */
    static final float SIN_COS_MAX = 0x1p15f;

    // tanh: x + x^3 P(x^2) below 0.625 (Cephes tanhf), 1 - 2 / (exp(2|x|) + 1) from there, with x's sign.
    static final float TANH_SMALL = 0.625f;
    /** 2|x| beyond which tanh is 1 in float (from |x| = 9.01); exp is taken of at most this. */
    static final float TANH_EXP_MAX = 20f;
    static final float TANH_P0 = -5.70498872745E-3f;
    static final float TANH_P1 = 2.06390887954E-2f;
    static final float TANH_P2 = -5.37397155531E-2f;
    static final float TANH_P3 = 1.33314422036E-1f;
    static final float TANH_P4 = -3.33332819422E-1f;

    /** e^x, within 1 ulp; +inf above 88.72, 0 below -103.97 (subnormal results in between), NaN for NaN. */
    static float exp(float x) {
        // n = rint(x log2 e), from the low bits of x log2 e + ROUND (valid for |x| < 2^21; others are replaced below)
        float t = Math.fma(x, LOG2E, ROUND);
        int n = Float.floatToRawIntBits(t) - ROUND_BITS;
        // 2^n as 2^(n/2) 2^(n - n/2): both factors are normal floats for n in [-150, 128], and only the second
        // product below rounds (to a subnormal, or to +inf)
        int n1 = n >> 1;
        float scale1 = Float.intBitsToFloat((n1 + 127) << 23);
        float scale2 = Float.intBitsToFloat((n - n1 + 127) << 23);
        float y = expReduced(x, t - ROUND) * scale1 * scale2;
        y = x > EXP_MAX ? Float.POSITIVE_INFINITY : y;
        return x < EXP_MIN ? 0f : y;
    }

    /** e^r for r = x - nf ln2, |r| <= ln2 / 2 (nf the rounded x log2 e): Cephes expf's polynomial. */
    private static float expReduced(float x, float nf) {
        float r = Math.fma(nf, -LN2_HI, x);
        r = Math.fma(nf, -LN2_LO, r);
        float p = Math.fma(r, EXP_P0, EXP_P1);
        p = Math.fma(p, r, EXP_P2);
        p = Math.fma(p, r, EXP_P3);
        p = Math.fma(p, r, EXP_P4);
        p = Math.fma(p, r, EXP_P5);
        return Math.fma(p, r * r, r) + 1f;
    }

    /** Natural logarithm, within 1 ulp: -inf for +-0, NaN below 0 and for NaN, +inf for +inf, +0 for 1. */
    static float log(float x) {
        // subnormals scaled into the normal range first
        boolean subnormal = x < Float.MIN_NORMAL;
        float xs = subnormal ? x * TWO_23 : x;
        // x = m 2^e with m in [sqrt(1/2), sqrt(2)): adding SQRT_HALF's distance to 1 to the bits carries into the
        // exponent exactly when the mantissa is at least sqrt(1/2)'s
        int bits = Float.floatToRawIntBits(xs) + (ONE_BITS - SQRT_HALF_BITS);
        float e = Float.intBitsToFloat((bits >> 23) - 127 + ROUND_BITS) - ROUND; // (float) e, exactly
        e = e - (subnormal ? 23f : 0f);
        float f = Float.intBitsToFloat((bits & 0x007fffff) + SQRT_HALF_BITS) - 1f; // m - 1, exactly
        float z = f * f;
        float y = logPoly(f) * f;
        y = Math.fma(y, z, e * LOG_Q1);
        y = Math.fma(z, -0.5f, y);
        float result = Math.fma(e, LOG_Q2, f + y);
        result = !(x < Float.POSITIVE_INFINITY) ? x : result; // +inf, NaN
        result = x == 0f ? Float.NEGATIVE_INFINITY : result;
        return x < 0f ? Float.NaN : result;
    }

    /** Cephes logf's P(f), log(1 + f) = f - f^2/2 + f^3 P(f). */
    private static float logPoly(float f) {
        float y = Math.fma(f, LOG_P0, LOG_P1);
        y = Math.fma(y, f, LOG_P2);
        y = Math.fma(y, f, LOG_P3);
        y = Math.fma(y, f, LOG_P4);
        y = Math.fma(y, f, LOG_P5);
        y = Math.fma(y, f, LOG_P6);
        y = Math.fma(y, f, LOG_P7);
        return Math.fma(y, f, LOG_P8);
    }

    /** Sine, within 2 ulp; {@code StrictMath.sin} for {@code |x| >} {@link #SIN_COS_MAX} (NaN for +-inf). */
    static float sin(float x) {
        float ax = Math.abs(x);
        if (ax > SIN_COS_MAX) {
            return (float) StrictMath.sin(x);
        }
        // q = rint(|x| 2/pi) (its low bits are t's), r = |x| - q pi/2
        float t = Math.fma(ax, TWO_OVER_PI, ROUND);
        // sin |x| by quadrant q mod 4: sin r, cos r, -sin r, -cos r; then x's sign (+-1 from the bits)
        int q = Float.floatToRawIntBits(t);
        boolean odd = (q & 1) != 0;
        float sign = Float.intBitsToFloat((((q << 30) ^ Float.floatToRawIntBits(x)) & 0x80000000) | ONE_BITS);
        float r = reduce(ax, t - ROUND);
        float z = r * r;
        float s = sinPoly(r, z);
        float c = cosPoly(z);
        return (odd ? c : s) * sign;
    }

    /** Cosine, within 2 ulp; {@code StrictMath.cos} for {@code |x| >} {@link #SIN_COS_MAX} (NaN for +-inf). */
    static float cos(float x) {
        float ax = Math.abs(x);
        if (ax > SIN_COS_MAX) {
            return (float) StrictMath.cos(x);
        }
        float t = Math.fma(ax, TWO_OVER_PI, ROUND);
        // cos |x| by quadrant q mod 4: cos r, -sin r, -cos r, sin r
        int q = Float.floatToRawIntBits(t);
        boolean odd = (q & 1) != 0;
        float sign = Float.intBitsToFloat((((q + 1) << 30) & 0x80000000) | ONE_BITS);
        float r = reduce(ax, t - ROUND);
        float z = r * r;
        float s = sinPoly(r, z);
        float c = cosPoly(z);
        return (odd ? s : c) * sign;
    }

    /** {@code ax - qf pi/2} in three steps, the first exact. */
    private static float reduce(float ax, float qf) {
        float r = Math.fma(qf, -PIO2_1, ax);
        r = Math.fma(qf, -PIO2_2, r);
        return Math.fma(qf, -PIO2_3, r);
    }

    /** sin r for |r| <= pi/4, z = r^2. */
    private static float sinPoly(float r, float z) {
        float y = Math.fma(z, SIN_P0, SIN_P1);
        y = Math.fma(y, z, SIN_P2);
        y = y * z;
        return Math.fma(y, r, r);
    }

    /** cos r for |r| <= pi/4, z = r^2. */
    private static float cosPoly(float z) {
        float y = Math.fma(z, COS_P0, COS_P1);
        y = Math.fma(y, z, COS_P2);
        y = y * z;
        y = Math.fma(y, z, z * -0.5f);
        return y + 1f;
    }

    /** Hyperbolic tangent, within 2 ulp: +-1 from |x| = 9.01, x's sign on zeros, NaN for NaN. */
    static float tanh(float x) {
        float ax = Math.abs(x);
        float sign = Float.intBitsToFloat((Float.floatToRawIntBits(x) & 0x80000000) | ONE_BITS);
        // exp(2|x|) for 2|x| <= TANH_EXP_MAX (tanh is 1 in float from there): n in [0, 29], one scale factor
        float u = Math.min(ax + ax, TANH_EXP_MAX);
        float t = Math.fma(u, LOG2E, ROUND);
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) - ROUND_BITS + 127) << 23);
        float s = ax * ax;
        float p = Math.fma(s, TANH_P0, TANH_P1);
        p = Math.fma(p, s, TANH_P2);
        p = Math.fma(p, s, TANH_P3);
        p = Math.fma(p, s, TANH_P4);
        float small = Math.fma(p * s, ax, ax);
        float large = 1f - 2f / (expReduced(u, t - ROUND) * scale + 1f);
        return (ax >= TANH_SMALL ? large : small) * sign;
    }

    /** The logistic function {@code 1 / (1 + exp(-x))} in float: 0 below -88.72, 1 above 16.6. */
    static float sigmoid(float x) {
        return 1f / (1f + exp(-x));
    }
}
