package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.internal.Shapes;
import io.jgrad.internal.TensorAccess;
import io.jgrad.kernel.BinaryOp;
import io.jgrad.kernel.CompareOp;
import io.jgrad.kernel.Copy;
import io.jgrad.kernel.DoubleOps;
import io.jgrad.kernel.Elementwise;
import io.jgrad.kernel.FloatOps;
import io.jgrad.kernel.LongOps;
import io.jgrad.kernel.UnaryOp;
import io.jgrad.storage.Storage;

/**
 * From tensors to kernels, without autograd: dtype promotion, broadcasting, making operands dense, picking
 * the kernel for the dtype, allocating the result. Every op's forward goes through here; nothing here
 * records a graph.
 */
public final class Dispatch {
    private Dispatch() {}

    static final TensorAccess A = TensorAccess.get();

    /** A dense operand: array, offset of element 0, and element step (1 dense, 0 a broadcast single value). */
    record Dense(Object array, int offset, int step) {}

    // ------------------------------------------------------------------------------------------------
    // Type promotion (PyTorch's result_type)

    private static int category(DType d) {
        switch (d) {
            case BOOL: return 0;
            case INT64: return 1;
            default: return 2;
        }
    }

    /** The smallest dtype holding both (PyTorch's promote_types). */
    public static DType promoteTypes(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (category(a) != category(b)) {
            return category(a) > category(b) ? a : b;
        }
        return DType.FLOAT64; // FLOAT32 with FLOAT64
    }

    /**
     * PyTorch's result_type for two operands: dimensioned tensors decide unless a 0-d operand is of a
     * higher category (bool < integer < floating).
     */
    public static DType resultType(Tensor a, Tensor b) {
        DType da = a.dtype();
        DType db = b.dtype();
        if (da == db) {
            return da;
        }
        boolean za = A.shape(a).length == 0;
        boolean zb = A.shape(b).length == 0;
        if (za == zb) {
            return promoteTypes(da, db);
        }
        DType dim = za ? db : da;
        DType zero = za ? da : db;
        if (category(zero) > category(dim)) {
            return zero;
        }
        return dim;
    }

    // ------------------------------------------------------------------------------------------------
    // Allocation and dense access

    /** A new zero-filled contiguous tensor. */
    public static Tensor empty(int[] shape, DType dtype) {
        return A.make(Storage.allocate(dtype, Shapes.numel(shape)), 0, shape, Shapes.contiguousStrides(shape));
    }

    /** A tensor over a storage made by a kernel, contiguous. */
    static Tensor wrap(Storage s, int[] shape) {
        return A.make(s, 0, shape, Shapes.contiguousStrides(shape));
    }

    /** The elements of {@code t} as a dense array of {@code dtype}, copying only when needed. */
    static Dense dense(Tensor t, DType dtype) {
        Storage s = A.storage(t);
        if (t.dtype() == dtype && Shapes.isContiguous(A.shape(t), A.strides(t))) {
            return new Dense(s.array(), A.offset(t), 1);
        }
        return new Dense(contiguousStorage(t, dtype).array(), 0, 1);
    }

    /** A fresh dense storage holding t's elements converted to dtype. */
    static Storage contiguousStorage(Tensor t, DType dtype) {
        int n = t.numel();
        Storage src = A.storage(t);
        Storage out = Storage.allocate(dtype, n);
        if (Shapes.isContiguous(A.shape(t), A.strides(t))) {
            Copy.convert(src.array(), src.dtype(), A.offset(t), out.array(), dtype, 0, n);
            return out;
        }
        int[] offs = new int[n];
        Copy.offsets(A.shape(t), A.strides(t), A.offset(t), offs);
        if (src.dtype() == dtype) {
            Copy.gather(src.array(), offs, out.array(), 0);
            return out;
        }
        Storage tmp = Storage.allocate(src.dtype(), n);
        Copy.gather(src.array(), offs, tmp.array(), 0);
        Copy.convert(tmp.array(), src.dtype(), 0, out.array(), dtype, 0, n);
        return out;
    }

    /** t's elements broadcast to {@code shape} as an operand of {@code outNumel} elements. */
    static Dense operand(Tensor t, int[] shape, int outNumel, DType dtype) {
        int n = t.numel();
        if (n == 1 && outNumel != 1) {
            Dense d = dense(t, dtype);
            return new Dense(d.array(), d.offset(), 0);
        }
        if (allStridesZero(t) && t.dtype() == dtype && n > 0) {
            // An expanded single value (e.g. sum's gradient): read it as a broadcast scalar, no copy.
            return new Dense(A.storage(t).array(), A.offset(t), 0);
        }
        if (n == outNumel) {
            return dense(t, dtype);
        }
        return new Dense(expandStorage(t, shape, dtype).array(), 0, 1);
    }

    private static boolean allStridesZero(Tensor t) {
        for (int s : A.strides(t)) {
            if (s != 0) {
                return false;
            }
        }
        return true;
    }

    /** t broadcast to shape, materialised densely in dtype. */
    static Storage expandStorage(Tensor t, int[] shape, DType dtype) {
        int[] st = expandedStrides(A.shape(t), A.strides(t), shape);
        Tensor view = A.alias(t, A.offset(t), shape, st);
        return contiguousStorage(view, dtype);
    }

    /** Strides of a view of (shape, strides) expanded to {@code to}: 0 on broadcast dimensions. */
    static int[] expandedStrides(int[] shape, int[] strides, int[] to) {
        int[] out = new int[to.length];
        for (int i = 0; i < to.length; i++) {
            int j = shape.length - to.length + i;
            out[i] = j < 0 || (shape[j] == 1 && to[i] != 1) ? 0 : strides[j];
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // Elementwise

    /** op(x) for a floating tensor (or integer for NEG/ABS/SIGN/RELU); same dtype and shape. */
    public static Tensor unary(UnaryOp op, Tensor x) {
        DType d = x.dtype();
        int n = x.numel();
        Storage out = Storage.allocate(d, n);
        Dense a = dense(x, d);
        switch (d) {
            case FLOAT32:
                Elementwise.unary(op, (float[]) a.array(), a.offset(), out.floats(), 0, n);
                break;
            case FLOAT64:
                Elementwise.unary(op, (double[]) a.array(), a.offset(), out.doubles(), 0, n);
                break;
            case INT64:
                LongOps.unary(op, (long[]) a.array(), a.offset(), out.longs(), 0, n);
                break;
            default:
                throw new IllegalArgumentException("\"" + op.name().toLowerCase() + "\" not implemented for 'Bool'");
        }
        return wrap(out, A.shape(x));
    }

    /** op(a, b) broadcast, computed and returned in {@code dtype}. */
    public static Tensor binary(BinaryOp op, Tensor a, Tensor b, DType dtype) {
        int[] shape = Shapes.broadcast(A.shape(a), A.shape(b));
        int n = Shapes.numel(shape);
        DType compute = dtype == DType.BOOL ? DType.INT64 : dtype;
        Storage out = Storage.allocate(compute, n);
        if (dtype == compute && a.dtype() == compute && b.dtype() == compute) {
            boolean copyA = needsCopy(a, shape, n, compute);
            boolean copyB = needsCopy(b, shape, n, compute);
            if (!copyA && !copyB) {
                // Both dense or single values: straight to the kernel (no Dense records on this hot path).
                binaryKernel(op, compute, A.storage(a).array(), A.offset(a), step(a, n), A.storage(b).array(),
                        A.offset(b), step(b, n), out, n);
                return wrap(out, shape);
            }
            if (compute.isFloatingPoint()) {
                binaryRows(op, a, b, shape, out.array(), 0);
                return wrap(out, shape);
            }
        }
        Dense da = operand(a, shape, n, compute);
        Dense db = operand(b, shape, n, compute);
        binaryKernel(op, compute, da.array(), da.offset(), da.step(), db.array(), db.offset(), db.step(), out, n);
        Tensor r = wrap(out, shape);
        return dtype == DType.BOOL ? convert(r, DType.BOOL) : r;
    }

    /** The element step of an operand that {@link #needsCopy} accepts: 0 for one value, else 1. */
    private static int step(Tensor t, int outNumel) {
        return t.numel() == outNumel && (outNumel == 1 || !allStridesZero(t)) ? 1 : 0;
    }

    /** {@code out = op(a, b)} over n elements of dense operands (step 1) or single values (step 0). */
    private static void binaryKernel(BinaryOp op, DType compute, Object a, int ao, int as, Object b, int bo, int bs,
            Storage out, int n) {
        switch (compute) {
            case FLOAT32:
                Elementwise.binary(op, (float[]) a, ao, as, (float[]) b, bo, bs, out.floats(), 0, n);
                break;
            case FLOAT64:
                Elementwise.binary(op, (double[]) a, ao, as, (double[]) b, bo, bs, out.doubles(), 0, n);
                break;
            default:
                LongOps.binary(op, (long[]) a, ao, as, (long[]) b, bo, bs, out.longs(), n);
        }
    }

    /**
     * True if {@link #operand} would copy {@code t}: it is neither one value (broadcast or expanded) nor dense
     * in the compute dtype with the output's element count.
     */
    private static boolean needsCopy(Tensor t, int[] shape, int outNumel, DType dtype) {
        int n = t.numel();
        if (n == 1 || outNumel <= 1) {
            return false;
        }
        if (n == outNumel) {
            return t.dtype() != dtype || !Shapes.isContiguous(A.shape(t), A.strides(t));
        }
        return !allStridesZero(t);
    }

    /**
     * {@code out[oo ...] = op(a, b)} for floating operands of the output's dtype, broadcast to {@code shape}
     * and read through their strides: the kernel runs once per row of the innermost dimension left after
     * merging the dimensions that all three layouts walk evenly, so broadcast and strided (e.g. transposed)
     * operands are not materialised first. The output is dense from {@code oo}; it may be {@code a}'s own
     * storage at a's offset when a is dense (in-place accumulation).
     */
    static void binaryRows(BinaryOp op, Tensor a, Tensor b, int[] shape, Object out, int oo) {
        int nd = shape.length;
        int[] sa = expandedStrides(A.shape(a), A.strides(a), shape);
        int[] sb = expandedStrides(A.shape(b), A.strides(b), shape);
        int[] size = new int[Math.max(nd, 1)];
        int[] stepA = new int[size.length];
        int[] stepB = new int[size.length];
        size[0] = 1;
        int d = 0;
        for (int i = 0; i < nd; i++) {
            if (shape[i] == 1) {
                continue;
            }
            if (d > 0 && stepA[d - 1] == sa[i] * shape[i] && stepB[d - 1] == sb[i] * shape[i]) {
                size[d - 1] *= shape[i];
            } else {
                size[d] = shape[i];
                d++;
            }
            stepA[d - 1] = sa[i];
            stepB[d - 1] = sb[i];
        }
        d = Math.max(d, 1);
        int inner = size[d - 1];
        int ia = stepA[d - 1];
        int ib = stepB[d - 1];
        Object arrA = A.storage(a).array();
        Object arrB = A.storage(b).array();
        int offA = A.offset(a);
        int offB = A.offset(b);
        int[] idx = new int[d];
        int rows = inner == 0 ? 0 : Shapes.numel(shape) / inner;
        boolean unitSteps = (ia == 0 || ia == 1) && (ib == 0 || ib == 1) && (ia | ib) != 0;
        for (int r = 0; r < rows; r++) {
            if (arrA instanceof float[]) {
                float[] fa = (float[]) arrA;
                float[] fb = (float[]) arrB;
                if (unitSteps) {
                    Elementwise.binary(op, fa, offA, ia, fb, offB, ib, (float[]) out, oo, inner);
                } else {
                    FloatOps.binary(op, fa, offA, ia, fb, offB, ib, (float[]) out, oo, inner);
                }
            } else {
                double[] da = (double[]) arrA;
                double[] db = (double[]) arrB;
                if (unitSteps) {
                    Elementwise.binary(op, da, offA, ia, db, offB, ib, (double[]) out, oo, inner);
                } else {
                    DoubleOps.binary(op, da, offA, ia, db, offB, ib, (double[]) out, oo, inner);
                }
            }
            oo += inner;
            for (int k = d - 2; k >= 0; k--) {
                offA += stepA[k];
                offB += stepB[k];
                if (++idx[k] < size[k]) {
                    break;
                }
                offA -= stepA[k] * size[k];
                offB -= stepB[k] * size[k];
                idx[k] = 0;
            }
        }
    }

    /** a OP b broadcast, compared in their promoted dtype; BOOL result. */
    public static Tensor compare(CompareOp op, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast(A.shape(a), A.shape(b));
        int n = Shapes.numel(shape);
        DType d = resultType(a, b);
        if (d == DType.BOOL) {
            d = DType.INT64;
        }
        Dense da = operand(a, shape, n, d);
        Dense db = operand(b, shape, n, d);
        Storage out = Storage.allocate(DType.BOOL, n);
        switch (d) {
            case FLOAT32:
                FloatOps.compare(op, (float[]) da.array(), da.offset(), da.step(), (float[]) db.array(), db.offset(),
                        db.step(), out.bools(), n);
                break;
            case FLOAT64:
                DoubleOps.compare(op, (double[]) da.array(), da.offset(), da.step(), (double[]) db.array(),
                        db.offset(), db.step(), out.bools(), n);
                break;
            default:
                LongOps.compare(op, (long[]) da.array(), da.offset(), da.step(), (long[]) db.array(), db.offset(),
                        db.step(), out.bools(), n);
        }
        return wrap(out, shape);
    }

    /** cond ? a : b broadcast, in {@code dtype}. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b, DType dtype) {
        int[] shape = Shapes.broadcast(Shapes.broadcast(A.shape(cond), A.shape(a)), A.shape(b));
        int n = Shapes.numel(shape);
        Dense dc = operand(cond, shape, n, DType.BOOL);
        DType compute = dtype == DType.BOOL ? DType.INT64 : dtype;
        Dense da = operand(a, shape, n, compute);
        Dense db = operand(b, shape, n, compute);
        Storage out = Storage.allocate(compute, n);
        boolean[] c = (boolean[]) dc.array();
        switch (compute) {
            case FLOAT32:
                FloatOps.where(c, dc.offset(), dc.step(), (float[]) da.array(), da.offset(), da.step(),
                        (float[]) db.array(), db.offset(), db.step(), out.floats(), n);
                break;
            case FLOAT64:
                DoubleOps.where(c, dc.offset(), dc.step(), (double[]) da.array(), da.offset(), da.step(),
                        (double[]) db.array(), db.offset(), db.step(), out.doubles(), n);
                break;
            default:
                LongOps.where(c, dc.offset(), dc.step(), (long[]) da.array(), da.offset(), da.step(),
                        (long[]) db.array(), db.offset(), db.step(), out.longs(), n);
        }
        Tensor r = wrap(out, shape);
        return dtype == DType.BOOL ? convert(r, DType.BOOL) : r;
    }

    /** x clamped to [lo, hi] (NaN bound: none). */
    public static Tensor clamp(Tensor x, double lo, double hi) {
        DType d = x.dtype();
        int n = x.numel();
        Dense a = dense(x, d);
        Storage out = Storage.allocate(d, n);
        switch (d) {
            case FLOAT32:
                FloatOps.clamp((float[]) a.array(), a.offset(), (float) lo, (float) hi, out.floats(), n);
                break;
            case FLOAT64:
                DoubleOps.clamp((double[]) a.array(), a.offset(), lo, hi, out.doubles(), n);
                break;
            case INT64:
                LongOps.clamp((long[]) a.array(), a.offset(), Double.isNaN(lo) ? Long.MIN_VALUE : (long) Math.ceil(lo),
                        Double.isNaN(hi) ? Long.MAX_VALUE : (long) Math.floor(hi), out.longs(), n);
                break;
            default:
                throw new IllegalArgumentException("\"clamp\" not implemented for 'Bool'");
        }
        return wrap(out, A.shape(x));
    }

    /** A dense copy of t in another dtype (or the same). */
    public static Tensor convert(Tensor t, DType dtype) {
        return wrap(contiguousStorage(t, dtype), A.shape(t));
    }

    /**
     * Writes {@code src} (broadcast to dst's shape, converted to dst's dtype) into dst's elements, through
     * dst's strides. Does not bump the version: callers do.
     */
    public static void copyInto(Tensor dst, Tensor src) {
        int[] shape = A.shape(dst);
        int n = Shapes.numel(shape);
        if (n == 0) {
            return;
        }
        Dense s = operand(src, shape, n, dst.dtype());
        Object srcArray = s.array();
        int srcOff = s.offset();
        if (s.step() == 0) {
            Storage one = Storage.allocate(dst.dtype(), n);
            fillFrom(one, n, srcArray, srcOff);
            srcArray = one.array();
            srcOff = 0;
        }
        Storage d = A.storage(dst);
        if (Shapes.isContiguous(shape, A.strides(dst))) {
            System.arraycopy(srcArray, srcOff, d.array(), A.offset(dst), n);
        } else {
            int[] offs = new int[n];
            Copy.offsets(shape, A.strides(dst), A.offset(dst), offs);
            Copy.scatter(srcArray, srcOff, d.array(), offs);
        }
    }

    /** Fills the first n elements of {@code s} with {@code array[index]} (same element type). */
    private static void fillFrom(Storage s, int n, Object array, int index) {
        switch (s.dtype()) {
            case FLOAT32: java.util.Arrays.fill(s.floats(), 0, n, ((float[]) array)[index]); break;
            case FLOAT64: java.util.Arrays.fill(s.doubles(), 0, n, ((double[]) array)[index]); break;
            case INT64: java.util.Arrays.fill(s.longs(), 0, n, ((long[]) array)[index]); break;
            default: java.util.Arrays.fill(s.bools(), 0, n, ((boolean[]) array)[index]);
        }
    }

    /**
     * {@code dst += src} in place without recording (gradient accumulation): src broadcast to dst's shape.
     * Does not bump the version.
     */
    public static void addInto(Tensor dst, Tensor src) {
        DType d = dst.dtype();
        int[] shape = A.shape(dst);
        int n = Shapes.numel(shape);
        if (d == DType.BOOL || !Shapes.isContiguous(shape, A.strides(dst))) {
            copyInto(dst, binary(BinaryOp.ADD, dst, src, d));
            return;
        }
        int o = A.offset(dst);
        Object arr = A.storage(dst).array();
        boolean ownStorage = A.storage(src) != A.storage(dst); // rows read src while writing dst
        if (d.isFloatingPoint() && src.dtype() == d && ownStorage && needsCopy(src, shape, n, d)) {
            binaryRows(BinaryOp.ADD, dst, src, shape, arr, o);
            return;
        }
        Dense s = operand(src, shape, n, d);
        switch (d) {
            case FLOAT32:
                Elementwise.binary(BinaryOp.ADD, (float[]) arr, o, 1, (float[]) s.array(), s.offset(), s.step(),
                        (float[]) arr, o, n);
                break;
            case FLOAT64:
                Elementwise.binary(BinaryOp.ADD, (double[]) arr, o, 1, (double[]) s.array(), s.offset(), s.step(),
                        (double[]) arr, o, n);
                break;
            default:
                copyInto(dst, binary(BinaryOp.ADD, dst, src, d));
        }
    }

    /** Sets every element of t (through its strides) to v. Does not bump the version. */
    public static void fillInPlace(Tensor t, double v) {
        int[] shape = A.shape(t);
        if (Shapes.isContiguous(shape, A.strides(t))) {
            Storage s = A.storage(t);
            int o = A.offset(t);
            int n = Shapes.numel(shape);
            switch (t.dtype()) {
                case FLOAT32: java.util.Arrays.fill(s.floats(), o, o + n, (float) v); return;
                case FLOAT64: java.util.Arrays.fill(s.doubles(), o, o + n, v); return;
                case INT64: java.util.Arrays.fill(s.longs(), o, o + n, (long) v); return;
                default: java.util.Arrays.fill(s.bools(), o, o + n, v != 0); return;
            }
        }
        Storage one = Storage.allocate(t.dtype(), 1);
        one.setDouble(0, v);
        copyInto(t, wrap(one, Shapes.SCALAR));
    }
}
