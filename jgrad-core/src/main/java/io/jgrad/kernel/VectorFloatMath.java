package io.jgrad.kernel;

import static io.jgrad.kernel.FloatMath.COS_P0;
import static io.jgrad.kernel.FloatMath.COS_P1;
import static io.jgrad.kernel.FloatMath.COS_P2;
import static io.jgrad.kernel.FloatMath.EXP_MAX;
import static io.jgrad.kernel.FloatMath.EXP_MIN;
import static io.jgrad.kernel.FloatMath.EXP_P0;
import static io.jgrad.kernel.FloatMath.EXP_P1;
import static io.jgrad.kernel.FloatMath.EXP_P2;
import static io.jgrad.kernel.FloatMath.EXP_P3;
import static io.jgrad.kernel.FloatMath.EXP_P4;
import static io.jgrad.kernel.FloatMath.EXP_P5;
import static io.jgrad.kernel.FloatMath.LN2_HI;
import static io.jgrad.kernel.FloatMath.LN2_LO;
import static io.jgrad.kernel.FloatMath.LOG2E;
import static io.jgrad.kernel.FloatMath.LOG_P0;
import static io.jgrad.kernel.FloatMath.LOG_P1;
import static io.jgrad.kernel.FloatMath.LOG_P2;
import static io.jgrad.kernel.FloatMath.LOG_P3;
import static io.jgrad.kernel.FloatMath.LOG_P4;
import static io.jgrad.kernel.FloatMath.LOG_P5;
import static io.jgrad.kernel.FloatMath.LOG_P6;
import static io.jgrad.kernel.FloatMath.LOG_P7;
import static io.jgrad.kernel.FloatMath.LOG_P8;
import static io.jgrad.kernel.FloatMath.LOG_Q1;
import static io.jgrad.kernel.FloatMath.LOG_Q2;
import static io.jgrad.kernel.FloatMath.ONE_BITS;
import static io.jgrad.kernel.FloatMath.PIO2_1;
import static io.jgrad.kernel.FloatMath.PIO2_2;
import static io.jgrad.kernel.FloatMath.PIO2_3;
import static io.jgrad.kernel.FloatMath.ROUND;
import static io.jgrad.kernel.FloatMath.ROUND_BITS;
import static io.jgrad.kernel.FloatMath.SIN_COS_MAX;
import static io.jgrad.kernel.FloatMath.SIN_P0;
import static io.jgrad.kernel.FloatMath.SIN_P1;
import static io.jgrad.kernel.FloatMath.SIN_P2;
import static io.jgrad.kernel.FloatMath.SQRT_HALF_BITS;
import static io.jgrad.kernel.FloatMath.TANH_EXP_MAX;
import static io.jgrad.kernel.FloatMath.TANH_P0;
import static io.jgrad.kernel.FloatMath.TANH_P1;
import static io.jgrad.kernel.FloatMath.TANH_P2;
import static io.jgrad.kernel.FloatMath.TANH_P3;
import static io.jgrad.kernel.FloatMath.TANH_P4;
import static io.jgrad.kernel.FloatMath.TANH_SMALL;
import static io.jgrad.kernel.FloatMath.TWO_23;
import static io.jgrad.kernel.FloatMath.TWO_OVER_PI;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.FMA;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector versions of {@link FloatMath}'s functions: the same steps in the same order, a lane at a time,
 * with {@code fma}, blends and int bit operations (every one specified to the bit, so compiled and
 * interpreted code agree: Note [Same bits in fallback and compiled code] in {@link VectorFloatOps}). Each
 * lane's result has the bits {@link FloatMath} gives for it; read the two side by side.
 *
 * <p>Note [Small vector functions]: C2 compiles a vector loop with everything it calls inlined, and the
 * Vector API's methods parse into many nodes each. Past a node budget per compilation C2 defers the rest of
 * the inlining; deferred add, fma or compare calls are still intrinsified later, but a conversion
 * ({@link #bits}, {@link #floats}) or a store whose argument then comes out of a deferred call is not (its
 * vector class is no longer a constant), and the loop boxes a vector per iteration: sin, tanh and log took
 * 3-12x longer in the first versions of this code, in some runs only (after the GEMM workload had run, with
 * the loops' rare paths compiled in). So:
 * <ul>
 *   <li>each function converts between float and int lanes first, before its polynomials, and ends with
 *       float operations (a sign as a multiplication by +-1, a quadrant as a blend);
 *   <li>the largest functions (log, tanh and the exp polynomial tanh shares) take their constants from
 *       static final vectors, which parse small but cost a load per use and iteration (the loop's float
 *       stores may alias them, so C2 does not hoist the loads); the others broadcast them where used
 *       ({@code v(...)}, hoisted out of the loop but more nodes to parse);
 *   <li>the loops keep their rare paths scalar ({@code VectorFloatOps.sinLanes}).
 * </ul>
 * When changing these functions, check the loops' speed after the other workloads have run (e.g.
 * {@code Workloads gemm elementwise}), not only in a fresh JVM.
 */
final class VectorFloatMath {
    private VectorFloatMath() {}

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, FS.vectorShape());

    /** {@code c} in every lane. */
    private static FloatVector v(float c) {
        return FloatVector.broadcast(FS, c);
    }

    /** {@code c} in every lane. */
    private static IntVector v(int c) {
        return IntVector.broadcast(IS, c);
    }

    // Constants of log, tanh and expReduced (Note [Small vector functions]).
    private static final FloatVector EXP_P0_V = v(EXP_P0);
    private static final FloatVector EXP_P1_V = v(EXP_P1);
    private static final FloatVector EXP_P2_V = v(EXP_P2);
    private static final FloatVector EXP_P3_V = v(EXP_P3);
    private static final FloatVector EXP_P4_V = v(EXP_P4);
    private static final FloatVector EXP_P5_V = v(EXP_P5);
    private static final FloatVector INFINITY = v(Float.POSITIVE_INFINITY);
    private static final FloatVector LOG2E_V = v(LOG2E);
    private static final FloatVector LOG_P0_V = v(LOG_P0);
    private static final FloatVector LOG_P1_V = v(LOG_P1);
    private static final FloatVector LOG_P2_V = v(LOG_P2);
    private static final FloatVector LOG_P3_V = v(LOG_P3);
    private static final FloatVector LOG_P4_V = v(LOG_P4);
    private static final FloatVector LOG_P5_V = v(LOG_P5);
    private static final FloatVector LOG_P6_V = v(LOG_P6);
    private static final FloatVector LOG_P7_V = v(LOG_P7);
    private static final FloatVector LOG_P8_V = v(LOG_P8);
    private static final FloatVector LOG_Q1_V = v(LOG_Q1);
    private static final FloatVector LOG_Q2_V = v(LOG_Q2);
    private static final IntVector MANTISSA = v(0x007fffff);
    private static final FloatVector MINUS_HALF = v(-0.5f);
    private static final FloatVector MINUS_INFINITY = v(Float.NEGATIVE_INFINITY);
    private static final FloatVector MINUS_LN2_HI = v(-LN2_HI);
    private static final FloatVector MINUS_LN2_LO = v(-LN2_LO);
    private static final FloatVector MIN_NORMAL = v(Float.MIN_NORMAL);
    private static final FloatVector NAN = v(Float.NaN);
    private static final FloatVector ONE = v(1f);
    private static final IntVector ONE_BITS_V = v(ONE_BITS);
    private static final IntVector ROUND_BITS_MINUS_BIAS = v(ROUND_BITS - 127);
    private static final FloatVector ROUND_V = v(ROUND);
    private static final IntVector SIGN_BIT = v(0x80000000);
    private static final IntVector SQRT_HALF_BITS_V = v(SQRT_HALF_BITS);
    private static final IntVector SQRT_HALF_TO_ONE = v(ONE_BITS - SQRT_HALF_BITS);
    private static final FloatVector TANH_EXP_MAX_V = v(TANH_EXP_MAX);
    private static final FloatVector TANH_P0_V = v(TANH_P0);
    private static final FloatVector TANH_P1_V = v(TANH_P1);
    private static final FloatVector TANH_P2_V = v(TANH_P2);
    private static final FloatVector TANH_P3_V = v(TANH_P3);
    private static final FloatVector TANH_P4_V = v(TANH_P4);
    private static final FloatVector TANH_SMALL_V = v(TANH_SMALL);
    private static final FloatVector TWENTY_THREE = v(23f);
    private static final FloatVector TWO = v(2f);
    private static final FloatVector TWO_23_V = v(TWO_23);
    private static final FloatVector ZERO = v(0f);

    /** The bit patterns of the lanes ({@code Float.floatToRawIntBits}). */
    private static IntVector bits(FloatVector x) {
        return (IntVector) x.reinterpretShape(IS, 0);
    }

    /** The floats of the bit patterns ({@code Float.intBitsToFloat}). */
    private static FloatVector floats(IntVector x) {
        return (FloatVector) x.reinterpretShape(FS, 0);
    }

    /** {@code a * b + c} with one rounding ({@code Math.fma} per lane). */
    private static FloatVector fma(FloatVector a, FloatVector b, FloatVector c) {
        return a.lanewise(FMA, b, c);
    }

    /** {@link FloatMath#exp} of each lane. */
    static FloatVector exp(FloatVector x) {
        FloatVector t = fma(x, v(LOG2E), v(ROUND));
        IntVector n = bits(t).sub(v(ROUND_BITS));
        IntVector n1 = n.lanewise(ASHR, 1);
        FloatVector scale1 = floats(n1.add(v(127)).lanewise(LSHL, 23));
        FloatVector scale2 = floats(n.sub(n1).add(v(127)).lanewise(LSHL, 23));
        FloatVector y = expReduced(x, t.sub(v(ROUND))).mul(scale1).mul(scale2);
        y = y.blend(v(Float.POSITIVE_INFINITY), x.compare(GT, v(EXP_MAX)));
        return y.blend(v(0f), x.compare(LT, v(EXP_MIN)));
    }

    private static FloatVector expReduced(FloatVector x, FloatVector nf) {
        FloatVector r = fma(nf, MINUS_LN2_HI, x);
        r = fma(nf, MINUS_LN2_LO, r);
        FloatVector p = fma(r, EXP_P0_V, EXP_P1_V);
        p = fma(p, r, EXP_P2_V);
        p = fma(p, r, EXP_P3_V);
        p = fma(p, r, EXP_P4_V);
        p = fma(p, r, EXP_P5_V);
        return fma(p, r.mul(r), r).add(ONE);
    }

    /** {@link FloatMath#log} of each lane. */
    static FloatVector log(FloatVector x) {
        VectorMask<Float> subnormal = x.compare(LT, MIN_NORMAL);
        FloatVector xs = x.blend(x.mul(TWO_23_V), subnormal);
        IntVector bits = bits(xs).add(SQRT_HALF_TO_ONE);
        FloatVector e = floats(bits.lanewise(ASHR, 23).add(ROUND_BITS_MINUS_BIAS)).sub(ROUND_V);
        e = e.sub(ZERO.blend(TWENTY_THREE, subnormal));
        FloatVector f = floats(bits.and(MANTISSA).add(SQRT_HALF_BITS_V)).sub(ONE);
        FloatVector z = f.mul(f);
        FloatVector y = logPoly(f).mul(f);
        y = fma(y, z, e.mul(LOG_Q1_V));
        y = fma(z, MINUS_HALF, y);
        FloatVector result = fma(e, LOG_Q2_V, f.add(y));
        result = result.blend(x, x.compare(LT, INFINITY).not());
        result = result.blend(MINUS_INFINITY, x.compare(EQ, ZERO));
        return result.blend(NAN, x.compare(LT, ZERO));
    }

    private static FloatVector logPoly(FloatVector f) {
        FloatVector y = fma(f, LOG_P0_V, LOG_P1_V);
        y = fma(y, f, LOG_P2_V);
        y = fma(y, f, LOG_P3_V);
        y = fma(y, f, LOG_P4_V);
        y = fma(y, f, LOG_P5_V);
        y = fma(y, f, LOG_P6_V);
        y = fma(y, f, LOG_P7_V);
        return fma(y, f, LOG_P8_V);
    }

    /**
     * Whether some lane is beyond {@link FloatMath#SIN_COS_MAX} (or infinite): then {@link #sin} and
     * {@link #cos} are not that lane's value, and the caller runs {@link FloatMath}'s on the vector's lanes.
     */
    static boolean sinCosOutOfRange(FloatVector x) {
        return x.abs().compare(GT, v(SIN_COS_MAX)).anyTrue();
    }

    /** {@link FloatMath#sin} of each lane, if not {@link #sinCosOutOfRange}. */
    static FloatVector sin(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector t = fma(ax, v(TWO_OVER_PI), v(ROUND));
        IntVector q = bits(t);
        VectorMask<Float> odd = floats(q.and(v(1))).compare(NE, v(0f));
        FloatVector sign = floats(q.lanewise(LSHL, 30).lanewise(XOR, bits(x)).and(v(0x80000000))
                .or(v(ONE_BITS)));
        FloatVector r = reduce(ax, t.sub(v(ROUND)));
        FloatVector z = r.mul(r);
        return sinPoly(r, z).blend(cosPoly(z), odd).mul(sign);
    }

    /** {@link FloatMath#cos} of each lane, if not {@link #sinCosOutOfRange}. */
    static FloatVector cos(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector t = fma(ax, v(TWO_OVER_PI), v(ROUND));
        IntVector q = bits(t);
        VectorMask<Float> odd = floats(q.and(v(1))).compare(NE, v(0f));
        FloatVector sign = floats(q.add(v(1)).lanewise(LSHL, 30).and(v(0x80000000)).or(v(ONE_BITS)));
        FloatVector r = reduce(ax, t.sub(v(ROUND)));
        FloatVector z = r.mul(r);
        return cosPoly(z).blend(sinPoly(r, z), odd).mul(sign);
    }

    private static FloatVector reduce(FloatVector ax, FloatVector qf) {
        FloatVector r = fma(qf, v(-PIO2_1), ax);
        r = fma(qf, v(-PIO2_2), r);
        return fma(qf, v(-PIO2_3), r);
    }

    private static FloatVector sinPoly(FloatVector r, FloatVector z) {
        FloatVector y = fma(z, v(SIN_P0), v(SIN_P1));
        y = fma(y, z, v(SIN_P2));
        y = y.mul(z);
        return fma(y, r, r);
    }

    private static FloatVector cosPoly(FloatVector z) {
        FloatVector y = fma(z, v(COS_P0), v(COS_P1));
        y = fma(y, z, v(COS_P2));
        y = y.mul(z);
        y = fma(y, z, z.mul(v(-0.5f)));
        return y.add(v(1f));
    }

    /** {@link FloatMath#tanh} of each lane. */
    static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector sign = floats(bits(x).and(SIGN_BIT).or(ONE_BITS_V));
        FloatVector u = ax.add(ax).min(TANH_EXP_MAX_V);
        FloatVector t = fma(u, LOG2E_V, ROUND_V);
        FloatVector scale = floats(bits(t).sub(ROUND_BITS_MINUS_BIAS).lanewise(LSHL, 23));
        FloatVector s = ax.mul(ax);
        FloatVector p = fma(s, TANH_P0_V, TANH_P1_V);
        p = fma(p, s, TANH_P2_V);
        p = fma(p, s, TANH_P3_V);
        p = fma(p, s, TANH_P4_V);
        FloatVector small = fma(p.mul(s), ax, ax);
        FloatVector large = ONE.sub(TWO.div(expReduced(u, t.sub(ROUND_V)).mul(scale).add(ONE)));
        return small.blend(large, ax.compare(GE, TANH_SMALL_V)).mul(sign);
    }

    /** {@link FloatMath#sigmoid} of each lane. */
    static FloatVector sigmoid(FloatVector x) {
        return v(1f).div(v(1f).add(exp(x.neg())));
    }
}
