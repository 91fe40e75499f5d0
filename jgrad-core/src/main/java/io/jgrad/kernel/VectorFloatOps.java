package io.jgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT32 loops with the Vector API (see {@link Simd}): the hot elementwise functions. Loaded only when
 * {@link Simd#ENABLED}. The elements past the last whole vector run the scalar loops of {@link FloatOps},
 * except in the loops of exp, log, sin, cos, tanh, sigmoid and the ops built on them, which finish their own
 * tails with {@link FloatMath}, the scalar twins of their vector functions (Note [Same bits in fallback and
 * compiled code]).
 *
 * <p>Note [Constant vector operators]: C2 compiles a Vector API call to SIMD instructions only when the
 * operator is a constant at that call site; an operator held in a variable falls back to slow Java code.
 * So each operator has its own loop here, spelled out.
 *
 * <p>Note [Same bits in fallback and compiled code]: a Vector API loop runs as Java code (the fallback) until
 * C2 compiles it, and a large op runs on several threads at once, some of them maybe still in the fallback.
 * For add, mul, fma, sqrt, compare, blend and bit operations the two agree to the bit (IEEE and the Java
 * spec fix the result). The transcendental operators ({@code VectorOperators.EXP}, {@code LOG}, {@code SIN},
 * {@code COS}, {@code TANH}, ...) do not: the fallback computes {@code (float) Math.exp((double) x)} per lane,
 * compiled code calls Intel's SVML, and 0.6-5% of inputs differed by an ulp (EXP 721, SIN 3,194, TANH 386 of
 * 65,536 Gaussian inputs, JDK 17 and 25). Results then depended on JIT state and on the thread split, against
 * Note [Same bits on any thread count]. So these loops use none of them: {@link VectorFloatMath} computes
 * exp, log, sin, cos, tanh and sigmoid from the specified operations only (Cephes polynomials, within 2 ulp),
 * and {@link FloatMath} does the same steps on one float for the tails, so an element's bits depend neither on
 * the JIT nor on whether it fell in a vector or in a tail. (Sin and cos of a vector with a lane beyond
 * {@link FloatMath#SIN_COS_MAX} run {@link FloatMath} per lane, which calls {@code StrictMath} there.)
 * With SIMD off, FloatOps' {@code Math} loops run instead: those may differ from these in the last bit.
 */
final class VectorFloatOps {
    private VectorFloatOps() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /**
     * Below this many elements the scalar loops run. Until C2 has compiled a vector loop, the Vector API runs as
     * Java code that boxes every vector, orders of magnitude slower than a scalar loop; on small tensors the
     * vector loop saves well under a microsecond per op once compiled. Measured on the logistic workload (200
     * elements, 100 warm-up iterations, then timed): 25-39 us/iter from 1024, 34-195 us/iter from 128, the same
     * steady state. Callers decide on the whole tensor's length (see {@link Elementwise}), so that which
     * elements run in a vector loop does not depend on how the work is split.
     */
    static final int MIN_LENGTH = 1024;

    /** Whether {@link #unary} has a vector loop for {@code op}. */
    static boolean hasUnary(UnaryOp op) {
        switch (op) {
            case EXP: case LOG: case SIN: case COS: case TANH: case SQRT: case NEG: case ABS: case SIGMOID: case RELU:
                return true;
            default:
                return false;
        }
    }

    /** Whether {@link #binary} has a vector loop for {@code op}. */
    static boolean hasBinary(BinaryOp op) {
        switch (op) {
            case ADD: case SUB: case MUL: case DIV: case TANH_BACKWARD: case SIGMOID_BACKWARD: case RELU_BACKWARD:
            case SIN_BACKWARD: case COS_BACKWARD: case BINARY_CROSS_ENTROPY: case BINARY_CROSS_ENTROPY_BACKWARD:
                return true;
            default:
                return false;
        }
    }

    /**
     * {@code o = op(a)} for an op of {@link #hasUnary}: whole vectors in the vector loop, the remaining
     * {@code n % L} elements in FloatOps' scalar loop, or in FloatMath's for the transcendental functions.
     */
    static void unary(UnaryOp op, float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        switch (op) {
            case EXP:
                i = expLoop(a, ao, o, oo, n);
                break;
            case LOG:
                i = logLoop(a, ao, o, oo, n);
                break;
            case SIN:
                i = sinLoop(a, ao, o, oo, n);
                break;
            case COS:
                i = cosLoop(a, ao, o, oo, n);
                break;
            case TANH:
                i = tanhLoop(a, ao, o, oo, n);
                break;
            case SQRT:
                i = sqrtLoop(a, ao, o, oo, bound);
                break;
            case NEG:
                i = negLoop(a, ao, o, oo, bound);
                break;
            case ABS:
                i = absLoop(a, ao, o, oo, bound);
                break;
            case SIGMOID:
                i = sigmoidLoop(a, ao, o, oo, n);
                break;
            case RELU:
                i = reluLoop(a, ao, o, oo, bound);
                break;
            default:
                throw new AssertionError(op);
        }
        if (i < n) {
            FloatOps.unary(op, a, ao + i, o, oo + i, n - i);
        }
    }

    /**
     * {@code o = op(a, b)} for an op of {@link #hasBinary} with steps 1/1, 1/0 or 0/1 (0: a broadcast single
     * value): whole vectors in the vector loop, the rest in FloatOps' scalar loop, or in FloatMath's for the ops
     * on sin, cos and log. (C2 unswitches the loop-invariant step tests out of the loops: measured as fast as
     * loops written per step case.)
     */
    static void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        switch (op) {
            case ADD:
                i = addLoop(a, ao, as, b, bo, bs, o, oo, bound);
                break;
            case SUB:
                i = subLoop(a, ao, as, b, bo, bs, o, oo, bound);
                break;
            case MUL:
                i = mulLoop(a, ao, as, b, bo, bs, o, oo, bound);
                break;
            case DIV:
                i = divLoop(a, ao, as, b, bo, bs, o, oo, bound);
                break;
            case TANH_BACKWARD:
                i = tanhBackwardLoop(a, ao, as, b, bo, bs, o, oo, bound);
                break;
            case SIGMOID_BACKWARD:
                i = sigmoidBackwardLoop(a, ao, as, b, bo, bs, o, oo, bound);
                break;
            case RELU_BACKWARD:
                i = reluBackwardLoop(a, ao, as, b, bo, bs, o, oo, bound);
                break;
            case SIN_BACKWARD:
                i = sinBackwardLoop(a, ao, as, b, bo, bs, o, oo, n);
                break;
            case COS_BACKWARD:
                i = cosBackwardLoop(a, ao, as, b, bo, bs, o, oo, n);
                break;
            case BINARY_CROSS_ENTROPY:
                i = binaryCrossEntropyLoop(a, ao, as, b, bo, bs, o, oo, n);
                break;
            case BINARY_CROSS_ENTROPY_BACKWARD:
                i = binaryCrossEntropyBackwardLoop(a, ao, as, b, bo, bs, o, oo, bound);
                break;
            default:
                throw new AssertionError(op);
        }
        if (i < n) {
            FloatOps.binary(op, a, ao + i * as, as, b, bo + i * bs, bs, o, oo + i, n - i);
        }
    }

    // Note [One method per vector loop]: each op's loop is a method of its own. In one method with a switch
    // over every op, C2 recompiled the whole switch each time a workload reached an op it had not profiled
    // yet, and some of those compiles failed to intrinsify the Vector API stores (the loops then ran the Java
    // fallback, about 10x slower, for the rest of the run: elementwise took 18 ms instead of 12 after
    // tiny_model had run). The dispatch switches above stay small; these loops compile on their own.
    //
    // The loops on VectorFloatMath's functions take the whole length n and finish the tail themselves with
    // FloatMath's twin of the function (Note [Same bits in fallback and compiled code]); the others stop at
    // the loop bound and leave the tail to FloatOps.

    private static int expLoop(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorFloatMath.exp(FloatVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = FloatMath.exp(a[ao + i]);
        }
        return i;
    }

    private static int logLoop(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorFloatMath.log(FloatVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = FloatMath.log(a[ao + i]);
        }
        return i;
    }

    private static int sinLoop(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            if (VectorFloatMath.sinCosOutOfRange(x)) {
                sinLanes(a, ao + i, o, oo + i);
                continue;
            }
            VectorFloatMath.sin(x).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = FloatMath.sin(a[ao + i]);
        }
        return i;
    }

    private static int cosLoop(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            if (VectorFloatMath.sinCosOutOfRange(x)) {
                cosLanes(a, ao + i, o, oo + i);
                continue;
            }
            VectorFloatMath.cos(x).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = FloatMath.cos(a[ao + i]);
        }
        return i;
    }

    private static int tanhLoop(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorFloatMath.tanh(FloatVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = FloatMath.tanh(a[ao + i]);
        }
        return i;
    }

    private static int sqrtLoop(float[] a, int ao, float[] o, int oo, int bound) {
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, a, ao + i).sqrt().intoArray(o, oo + i);
        }
        return i;
    }

    private static int negLoop(float[] a, int ao, float[] o, int oo, int bound) {
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, a, ao + i).neg().intoArray(o, oo + i);
        }
        return i;
    }

    private static int absLoop(float[] a, int ao, float[] o, int oo, int bound) {
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, a, ao + i).abs().intoArray(o, oo + i);
        }
        return i;
    }

    private static int sigmoidLoop(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorFloatMath.sigmoid(FloatVector.fromArray(S, a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = FloatMath.sigmoid(a[ao + i]);
        }
        return i;
    }

    private static int reluLoop(float[] a, int ao, float[] o, int oo, int bound) {
        int i = 0;
        // x > 0 || x is NaN ? x : +0, as FloatOps: -0 and negatives become +0, NaN stays.
        FloatVector zero = FloatVector.zero(S);
        for (; i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            x.blend(zero, x.compare(VectorOperators.LE, 0f)).intoArray(o, oo + i);
        }
        return i;
    }

    private static int addLoop(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int bound) {
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector x = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
            x.add(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int subLoop(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int bound) {
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector x = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
            x.sub(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int mulLoop(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int bound) {
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector x = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
            x.mul(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int divLoop(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int bound) {
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector x = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
            x.div(y).intoArray(o, oo + i);
        }
        return i;
    }

    private static int tanhBackwardLoop(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int bound) {
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i < bound; i += L) {
            FloatVector g = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
            g.mul(one.sub(y.mul(y))).intoArray(o, oo + i);
        }
        return i;
    }

    private static int sigmoidBackwardLoop(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int bound) {
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        FloatVector unit = FloatVector.broadcast(S, 1f);
        for (; i < bound; i += L) {
            FloatVector g = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
            g.mul(y).mul(unit.sub(y)).intoArray(o, oo + i);
        }
        return i;
    }

    private static int reluBackwardLoop(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int bound) {
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        FloatVector zero = FloatVector.zero(S);
        for (; i < bound; i += L) {
            FloatVector g = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
            zero.blend(g, y.compare(VectorOperators.GT, 0f)).intoArray(o, oo + i);
        }
        return i;
    }

    /** {@code g * cos(x)}. */
    private static int sinBackwardLoop(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int n) {
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector g = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector x = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
            if (VectorFloatMath.sinCosOutOfRange(x)) {
                sinBackwardLanes(a, ao + i * as, as, b, bo + i * bs, bs, o, oo + i);
                continue;
            }
            g.mul(VectorFloatMath.cos(x)).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i * as] * FloatMath.cos(b[bo + i * bs]);
        }
        return i;
    }

    /** {@code g * -sin(x)}. */
    private static int cosBackwardLoop(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int n) {
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector g = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector x = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
            if (VectorFloatMath.sinCosOutOfRange(x)) {
                cosBackwardLanes(a, ao + i * as, as, b, bo + i * bs, bs, o, oo + i);
                continue;
            }
            g.mul(VectorFloatMath.sin(x).neg()).intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            o[oo + i] = a[ao + i * as] * -FloatMath.sin(b[bo + i * bs]);
        }
        return i;
    }

    // The rare vectors with a lane beyond FloatMath.SIN_COS_MAX, one lane at a time, in scalar code only (Note
    // [Small vector functions] in VectorFloatMath).

    private static void sinLanes(float[] a, int ao, float[] o, int oo) {
        for (int l = 0; l < L; l++) {
            o[oo + l] = FloatMath.sin(a[ao + l]);
        }
    }

    private static void cosLanes(float[] a, int ao, float[] o, int oo) {
        for (int l = 0; l < L; l++) {
            o[oo + l] = FloatMath.cos(a[ao + l]);
        }
    }

    private static void sinBackwardLanes(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo) {
        for (int l = 0; l < L; l++) {
            o[oo + l] = a[ao + l * as] * FloatMath.cos(b[bo + l * bs]);
        }
    }

    private static void cosBackwardLanes(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo) {
        for (int l = 0; l < L; l++) {
            o[oo + l] = a[ao + l * as] * -FloatMath.sin(b[bo + l * bs]);
        }
    }

    private static int binaryCrossEntropyLoop(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int n) {
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        // The same steps as FloatOps (log, clamp at -100, products and sums in float), a lane at a time; the
        // tail loop below spells them out for one element.
        FloatVector lowest = FloatVector.broadcast(S, -100f);
        FloatVector unity = FloatVector.broadcast(S, 1f);
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector x = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector t = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
            FloatVector logX = VectorFloatMath.log(x);
            FloatVector log1mX = VectorFloatMath.log(unity.sub(x));
            logX = logX.blend(lowest, logX.compare(VectorOperators.LT, lowest));
            log1mX = log1mX.blend(lowest, log1mX.compare(VectorOperators.LT, lowest));
            t.mul(logX).add(unity.sub(t).mul(log1mX)).neg().intoArray(o, oo + i);
        }
        for (; i < n; i++) {
            float x = a[ao + i * as];
            float t = b[bo + i * bs];
            float logX = FloatMath.log(x);
            float log1mX = FloatMath.log(1f - x);
            logX = logX < -100f ? -100f : logX;
            log1mX = log1mX < -100f ? -100f : log1mX;
            o[oo + i] = -(t * logX + (1f - t) * log1mX);
        }
        return i;
    }

    private static int binaryCrossEntropyBackwardLoop(float[] a, int ao, int as, float[] b, int bo, int bs, float[] o,
            int oo, int bound) {
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        FloatVector eps = FloatVector.broadcast(S, (float) 1e-12);
        FloatVector unity = FloatVector.broadcast(S, 1f);
        for (; i < bound; i += L) {
            FloatVector x = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector t = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
            FloatVector d = x.mul(unity.sub(x));
            d = d.blend(eps, d.compare(VectorOperators.LT, eps));
            x.sub(t).div(d).intoArray(o, oo + i);
        }
        return i;
    }

    /** {@link FloatOps#sgdStep} with whole vectors in a vector loop (the same bits: no fused multiply-add). */
    static void sgdStep(float[] p, int po, float[] buf, int bo, float[] g, int go, int n, float momentum, float alpha,
            float lr) {
        int i = 0;
        int bound = S.loopBound(n);
        if (buf == null) {
            for (; i < bound; i += L) {
                FloatVector step = FloatVector.fromArray(S, g, go + i).mul(lr);
                FloatVector.fromArray(S, p, po + i).add(step).intoArray(p, po + i);
            }
        } else {
            for (; i < bound; i += L) {
                FloatVector b = FloatVector.fromArray(S, buf, bo + i).mul(momentum)
                        .add(FloatVector.fromArray(S, g, go + i).mul(alpha));
                b.intoArray(buf, bo + i);
                FloatVector.fromArray(S, p, po + i).add(b.mul(lr)).intoArray(p, po + i);
            }
        }
        if (i < n) {
            FloatOps.sgdStep(p, po + i, buf, bo + i, g, go + i, n - i, momentum, alpha, lr);
        }
    }

    /** Double lanes for {@link #sumDim}'s accumulators, and float lanes of half their width to widen into them. */
    /**
     * Doubles of the same bit size as {@link #S}: a float vector converts into two of them (parts 0 and 1).
     *
     * <p>Note [One vector shape]: every Vector API loop in jgrad uses the preferred shape only. The JDK's
     * vector methods (intoArray, ...) share one type profile across all callers; once a second shape (say a
     * half-size float vector) had run anywhere, C2 compiled them as bimorphic calls in later compiles and
     * could not intrinsify the stores: the GEMM micro-kernel then ran its Java fallback, 10x slower, for the
     * rest of the run (mlp 5 -> 55 ms per iteration in about half of the JVMs).
     */
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

    /**
     * {@link FloatOps#sumDim} for {@code inner > 1} with the row loop widened to double vectors: each column is
     * still the sum of its rows in order, in double (widening is exact), so the bits are FloatOps'.
     */
    static void sumDim(float[] a, int ao, int outer, int red, int inner, float[] o) {
        double[] acc = new double[inner];
        int bound = S.loopBound(inner);
        int half = DS.length();
        for (int p = 0; p < outer; p++) {
            java.util.Arrays.fill(acc, 0);
            int base = ao + p * red * inner;
            for (int r = 0; r < red; r++) {
                int row = base + r * inner;
                int i = 0;
                for (; i < bound; i += L) {
                    FloatVector f = FloatVector.fromArray(S, a, row + i);
                    DoubleVector lo = (DoubleVector) f.convertShape(VectorOperators.F2D, DS, 0);
                    DoubleVector hi = (DoubleVector) f.convertShape(VectorOperators.F2D, DS, 1);
                    DoubleVector.fromArray(DS, acc, i).add(lo).intoArray(acc, i);
                    DoubleVector.fromArray(DS, acc, i + half).add(hi).intoArray(acc, i + half);
                }
                for (; i < inner; i++) {
                    acc[i] += a[row + i];
                }
            }
            for (int i = 0; i < inner; i++) {
                o[p * inner + i] = (float) acc[i];
            }
        }
    }

    /** Elements per summation block of {@link #blockSum}: 64 vectors. */
    static final int SUM_BLOCK = 64 * L;

    /**
     * The sum of block k of n contiguous floats: elements {@code [k * SUM_BLOCK, (k + 1) * SUM_BLOCK)} of the
     * whole vectors (the last block may be shorter), added in float lanes and then across lanes, lane 0 first,
     * in double. Elements past the last whole vector are in no block (see {@link #sumTail}).
     *
     * <p>Not {@code reduceLanes(ADD)}: its order of lane additions is unspecified, and the compiled intrinsic
     * and the Java fallback (which a thread runs until C2 has compiled this method) add in different orders,
     * so a sum split over threads gave different bits depending on which threads ran compiled code.
     */
    static double blockSum(float[] a, int ao, int n, int k) {
        int i = k * SUM_BLOCK;
        int end = Math.min(S.loopBound(n), i + SUM_BLOCK);
        FloatVector acc = FloatVector.zero(S);
        for (; i < end; i += L) {
            acc = acc.add(FloatVector.fromArray(S, a, ao + i));
        }
        double s = 0;
        for (int l = 0; l < L; l++) {
            s += acc.lane(l);
        }
        return s;
    }

    /** How many blocks {@link #blockSum} splits n floats into. */
    static int sumBlocks(int n) {
        return (S.loopBound(n) + SUM_BLOCK - 1) / SUM_BLOCK;
    }

    /** Elements past the whole vectors of n, added one by one in double after the blocks. */
    static double sumTail(float[] a, int ao, int n, double s) {
        for (int i = S.loopBound(n); i < n; i++) {
            s += a[ao + i];
        }
        return s;
    }
}
