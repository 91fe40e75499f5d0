package io.jgrad.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT32 loops with the Vector API (see {@link Simd}): the hot elementwise functions. Loaded only when
 * {@link Simd#ENABLED}; tails run the scalar loops of {@link FloatOps}.
 *
 * <p>Note [Constant vector operators]: C2 compiles a Vector API call to SIMD instructions only when the
 * operator is a constant at that call site; an operator held in a variable falls back to slow Java code.
 * So each operator has its own loop here, spelled out.
 */
public final class VectorFloatOps {
    private VectorFloatOps() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /**
     * Below this many elements the scalar loop is as fast, and it avoids the Vector API's slow paths in code
     * that C2 has not compiled yet (tiny tensors, short runs).
     */
    static final int MIN_LENGTH = 128;

    /** {@code o = op(a)} for the ops with a vector form; returns false (doing nothing) for the others. */
    public static boolean unary(UnaryOp op, float[] a, int ao, float[] o, int oo, int n) {
        if (n < MIN_LENGTH) {
            return false;
        }
        int i = 0;
        int bound = S.loopBound(n);
        switch (op) {
            case EXP:
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.EXP).intoArray(o, oo + i);
                }
                break;
            case LOG:
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.LOG).intoArray(o, oo + i);
                }
                break;
            case SIN:
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.SIN).intoArray(o, oo + i);
                }
                break;
            case COS:
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.COS).intoArray(o, oo + i);
                }
                break;
            case TANH:
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, a, ao + i).lanewise(VectorOperators.TANH).intoArray(o, oo + i);
                }
                break;
            case SQRT:
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, a, ao + i).sqrt().intoArray(o, oo + i);
                }
                break;
            case NEG:
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, a, ao + i).neg().intoArray(o, oo + i);
                }
                break;
            case ABS:
                for (; i < bound; i += L) {
                    FloatVector.fromArray(S, a, ao + i).abs().intoArray(o, oo + i);
                }
                break;
            case SIGMOID:
                FloatVector one = FloatVector.broadcast(S, 1f);
                for (; i < bound; i += L) {
                    FloatVector x = FloatVector.fromArray(S, a, ao + i);
                    one.div(one.add(x.neg().lanewise(VectorOperators.EXP))).intoArray(o, oo + i);
                }
                break;
            default:
                return false;
        }
        if (i < n) {
            FloatOps.unary(op, a, ao + i, o, oo + i, n - i);
        }
        return true;
    }

    /**
     * {@code o[oo ...] = op(a, b)} for ADD, SUB, MUL, DIV with steps 1/1, 1/0 or 0/1 (0: a broadcast single value);
     * returns false (doing nothing) otherwise.
     */
    public static boolean binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int n) {
        boolean supported = op.ordinal() <= BinaryOp.DIV.ordinal() || op == BinaryOp.TANH_BACKWARD
                || op == BinaryOp.SIGMOID_BACKWARD;
        if ((as | bs) == 0 || !supported || n < MIN_LENGTH) {
            return false;
        }
        FloatVector va = FloatVector.broadcast(S, a[ao]);
        FloatVector vb = FloatVector.broadcast(S, b[bo]);
        int i = 0;
        int bound = S.loopBound(n);
        switch (op) {
            case ADD:
                for (; i < bound; i += L) {
                    FloatVector x = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
                    FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
                    x.add(y).intoArray(o, oo + i);
                }
                break;
            case SUB:
                for (; i < bound; i += L) {
                    FloatVector x = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
                    FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
                    x.sub(y).intoArray(o, oo + i);
                }
                break;
            case MUL:
                for (; i < bound; i += L) {
                    FloatVector x = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
                    FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
                    x.mul(y).intoArray(o, oo + i);
                }
                break;
            case DIV:
                for (; i < bound; i += L) {
                    FloatVector x = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
                    FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
                    x.div(y).intoArray(o, oo + i);
                }
                break;
            case TANH_BACKWARD:
                FloatVector one = FloatVector.broadcast(S, 1f);
                for (; i < bound; i += L) {
                    FloatVector g = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
                    FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
                    g.mul(one.sub(y.mul(y))).intoArray(o, oo + i);
                }
                break;
            case SIGMOID_BACKWARD:
                FloatVector unit = FloatVector.broadcast(S, 1f);
                for (; i < bound; i += L) {
                    FloatVector g = as == 0 ? va : FloatVector.fromArray(S, a, ao + i);
                    FloatVector y = bs == 0 ? vb : FloatVector.fromArray(S, b, bo + i);
                    g.mul(y).mul(unit.sub(y)).intoArray(o, oo + i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        if (i < n) {
            FloatOps.binary(op, a, ao + i * as, as, b, bo + i * bs, bs, o, oo + i, n - i);
        }
        return true;
    }

    /** Sum of n contiguous floats: float lanes over blocks of 64 vectors, the blocks added in double. */
    public static double sum(float[] a, int ao, int n) {
        if (n < MIN_LENGTH) {
            return FloatOps.sumAll(a, ao, n);
        }
        int i = 0;
        int bound = S.loopBound(n);
        double s = 0;
        while (i < bound) {
            int end = Math.min(bound, i + 64 * L);
            FloatVector acc = FloatVector.zero(S);
            for (; i < end; i += L) {
                acc = acc.add(FloatVector.fromArray(S, a, ao + i));
            }
            s += acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            s += a[ao + i];
        }
        return s;
    }
}
