package io.jgrad.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT32 loops with the Vector API (see {@link Simd}): the hot elementwise functions and sums. Loaded only
 * when {@link Simd#ENABLED}; every method handles the tail with {@link FloatOps}, whose results it matches
 * to within the transcendental functions' last-bit rounding.
 */
public final class VectorFloatOps {
    private VectorFloatOps() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** The unary ops with a vector form; others return false and the caller uses the scalar loop. */
    public static boolean unary(UnaryOp op, float[] a, int ao, float[] o, int oo, int n) {
        VectorOperators.Unary vop;
        switch (op) {
            case EXP: vop = VectorOperators.EXP; break;
            case LOG: vop = VectorOperators.LOG; break;
            case SIN: vop = VectorOperators.SIN; break;
            case COS: vop = VectorOperators.COS; break;
            case TANH: vop = VectorOperators.TANH; break;
            case SQRT: vop = VectorOperators.SQRT; break;
            case NEG: vop = VectorOperators.NEG; break;
            case ABS: vop = VectorOperators.ABS; break;
            case SIGMOID: sigmoid(a, ao, o, oo, n); return true;
            default: return false;
        }
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, a, ao + i).lanewise(vop).intoArray(o, oo + i);
        }
        if (i < n) {
            FloatOps.unary(op, a, ao + i, o, oo + i, n - i);
        }
        return true;
    }

    private static void sigmoid(float[] a, int ao, float[] o, int oo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, a, ao + i);
            one.div(one.add(x.neg().lanewise(VectorOperators.EXP))).intoArray(o, oo + i);
        }
        if (i < n) {
            FloatOps.unary(UnaryOp.SIGMOID, a, ao + i, o, oo + i, n - i);
        }
    }

    /** ADD, SUB, MUL, DIV with steps 1/1, 1/0 or 0/1; others return false. */
    public static boolean binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int n) {
        VectorOperators.Binary vop;
        switch (op) {
            case ADD: vop = VectorOperators.ADD; break;
            case SUB: vop = VectorOperators.SUB; break;
            case MUL: vop = VectorOperators.MUL; break;
            case DIV: vop = VectorOperators.DIV; break;
            default: return false;
        }
        if ((as | bs) == 0) {
            return false;
        }
        int i = 0;
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i).lanewise(vop, FloatVector.fromArray(S, b, bo + i)).intoArray(o, i);
            }
        } else if (as == 1) {
            FloatVector y = FloatVector.broadcast(S, b[bo]);
            for (; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i).lanewise(vop, y).intoArray(o, i);
            }
        } else {
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            for (; i < bound; i += L) {
                x.lanewise(vop, FloatVector.fromArray(S, b, bo + i)).intoArray(o, i);
            }
        }
        for (; i < n; i++) {
            float x = a[ao + i * as];
            float y = b[bo + i * bs];
            o[i] = op == BinaryOp.ADD ? x + y : op == BinaryOp.SUB ? x - y : op == BinaryOp.MUL ? x * y : x / y;
        }
        return true;
    }
}
