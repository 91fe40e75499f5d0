package io.jgrad.kernel;

/**
 * Loops over {@code long[]} storage (INT64 tensors). Integer tensors have exact arithmetic, comparisons and
 * reductions; floating functions promote to a floating dtype before reaching a kernel. Same conventions as
 * {@link DoubleOps}.
 */
public final class LongOps {
    private LongOps() {}

    /** NEG, ABS and SIGN; the other unary ops are floating only. */
    public static void unary(UnaryOp op, long[] a, int ao, long[] o, int oo, int n) {
        switch (op) {
            case NEG:
                for (int i = 0; i < n; i++) o[oo + i] = -a[ao + i];
                break;
            case ABS:
                for (int i = 0; i < n; i++) o[oo + i] = Math.abs(a[ao + i]);
                break;
            case SIGN:
                for (int i = 0; i < n; i++) o[oo + i] = Long.signum(a[ao + i]);
                break;
            case RELU:
                for (int i = 0; i < n; i++) o[oo + i] = Math.max(a[ao + i], 0);
                break;
            case SQUARE:
                for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] * a[ao + i];
                break;
            case FLOOR:
            case CEIL:
            case ROUND:
            case TRUNC:
                System.arraycopy(a, ao, o, oo, n);
                break;
            default:
                throw new IllegalArgumentException("\"" + op.name().toLowerCase() + "\" not implemented for 'Long'");
        }
    }

    /** ADD, SUB, MUL, MAXIMUM, MINIMUM and POW (non-negative exponents); DIV is floating only. */
    public static void binary(BinaryOp op, long[] a, int ao, int as, long[] b, int bo, int bs, long[] o, int n) {
        switch (op) {
            case ADD:
                for (int i = 0; i < n; i++) o[i] = a[ao + i * as] + b[bo + i * bs];
                break;
            case SUB:
                for (int i = 0; i < n; i++) o[i] = a[ao + i * as] - b[bo + i * bs];
                break;
            case MUL:
                for (int i = 0; i < n; i++) o[i] = a[ao + i * as] * b[bo + i * bs];
                break;
            case MAXIMUM:
                for (int i = 0; i < n; i++) o[i] = Math.max(a[ao + i * as], b[bo + i * bs]);
                break;
            case MINIMUM:
                for (int i = 0; i < n; i++) o[i] = Math.min(a[ao + i * as], b[bo + i * bs]);
                break;
            case FMOD:
                for (int i = 0; i < n; i++) o[i] = a[ao + i * as] % nonZero(b[bo + i * bs]);
                break;
            case REMAINDER:
                for (int i = 0; i < n; i++) o[i] = Math.floorMod(a[ao + i * as], nonZero(b[bo + i * bs]));
                break;
            case POW:
                for (int i = 0; i < n; i++) o[i] = ipow(a[ao + i * as], b[bo + i * bs]);
                break;
            default:
                throw new AssertionError(op);
        }
    }

    private static long nonZero(long d) {
        if (d == 0) {
            throw new ArithmeticException("ZeroDivisionError");
        }
        return d;
    }

    /** Inclusive prefix sum or product of a contiguous [outer, len, inner] block along its middle axis. */
    public static void scan(long[] a, int ao, int outer, int len, int inner, boolean product, long[] o) {
        for (int p = 0; p < outer; p++) {
            int base = p * len * inner;
            for (int i = 0; i < inner; i++) {
                long acc = product ? 1 : 0;
                for (int r = 0; r < len; r++) {
                    int at = base + r * inner + i;
                    acc = product ? acc * a[ao + at] : acc + a[ao + at];
                    o[at] = acc;
                }
            }
        }
    }

    private static long ipow(long base, long exp) {
        if (exp < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
        long r = 1;
        while (exp > 0) {
            if ((exp & 1) != 0) r *= base;
            base *= base;
            exp >>= 1;
        }
        return r;
    }

    public static void compare(CompareOp op, long[] a, int ao, int as, long[] b, int bo, int bs, boolean[] o, int n) {
        for (int i = 0; i < n; i++) {
            long x = a[ao + i * as];
            long y = b[bo + i * bs];
            boolean r;
            switch (op) {
                case GT: r = x > y; break;
                case GE: r = x >= y; break;
                case LT: r = x < y; break;
                case LE: r = x <= y; break;
                case EQ: r = x == y; break;
                default: r = x != y;
            }
            o[i] = r;
        }
    }

    public static void clamp(long[] a, int ao, long lo, long hi, long[] o, int n) {
        for (int i = 0; i < n; i++) o[i] = Math.min(Math.max(a[ao + i], lo), hi);
    }

    public static void where(boolean[] c, int co, int cs, long[] a, int ao, int as, long[] b, int bo, int bs,
            long[] o, int n) {
        for (int i = 0; i < n; i++) o[i] = c[co + i * cs] ? a[ao + i * as] : b[bo + i * bs];
    }

    public static long sumAll(long[] a, int ao, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) s += a[ao + i];
        return s;
    }

    /** Sums a contiguous [outer, red, inner] block over its middle axis. */
    public static void sumDim(long[] a, int ao, int outer, int red, int inner, long[] o) {
        java.util.Arrays.fill(o, 0, outer * inner, 0);
        for (int p = 0; p < outer; p++) {
            int base = ao + p * red * inner;
            for (int r = 0; r < red; r++) {
                for (int i = 0; i < inner; i++) o[p * inner + i] += a[base + r * inner + i];
            }
        }
    }

    /** Max or min over the middle axis of a contiguous [outer, red, inner] block, first index on ties. */
    public static void extremeDim(long[] a, int ao, int outer, int red, int inner, boolean max, long[] o, long[] idx) {
        for (int p = 0; p < outer; p++) {
            int base = ao + p * red * inner;
            for (int i = 0; i < inner; i++) {
                long best = a[base + i];
                int bi = 0;
                for (int r = 1; r < red; r++) {
                    long x = a[base + r * inner + i];
                    if (max ? x > best : x < best) {
                        best = x;
                        bi = r;
                    }
                }
                o[p * inner + i] = best;
                if (idx != null) idx[p * inner + i] = bi;
            }
        }
    }
}
