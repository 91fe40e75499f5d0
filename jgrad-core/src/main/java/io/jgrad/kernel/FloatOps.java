// GENERATED from DoubleOps.java by FloatOpsGeneratorTest: do not edit by hand.
package io.jgrad.kernel;

/**
 * Loops over {@code float[]} storage: the single source of truth for floating-point kernels.
 * {@code FloatOps} is generated from this file (see {@code FloatOpsGeneratorTest}): every element-type keyword
 * not marked {@code /*keep*&#47;} becomes the 32-bit one, so accumulators marked keep stay in 64-bit precision
 * in both. Casts of {@code Math} results to the element type are redundant here but make the 32-bit version
 * compile.
 *
 * <p>Arrays are addressed as (array, offset); a "step" argument is 1 for a dense operand and 0 for a
 * broadcast single element. Nothing here allocates or knows about autograd.
 */
@SuppressWarnings("cast") // casts to the element type are redundant here, needed in the generated FloatOps
public final class FloatOps {
    private FloatOps() {}

    /** {@code o[oo + i] = op(a[ao + i])} for {@code i < n}. */
    public static void unary(UnaryOp op, float[] a, int ao, float[] o, int oo, int n) {
        switch (op) {
            case NEG:
                for (int i = 0; i < n; i++) o[oo + i] = -a[ao + i];
                break;
            case EXP:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.exp(a[ao + i]);
                break;
            case LOG:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.log(a[ao + i]);
                break;
            case SQRT:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.sqrt(a[ao + i]);
                break;
            case ABS:
                for (int i = 0; i < n; i++) o[oo + i] = Math.abs(a[ao + i]);
                break;
            case SIN:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.sin(a[ao + i]);
                break;
            case COS:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.cos(a[ao + i]);
                break;
            case TANH:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.tanh(a[ao + i]);
                break;
            case SIGMOID:
                for (int i = 0; i < n; i++) o[oo + i] = (float) (1.0 / (1.0 + Math.exp(-a[ao + i])));
                break;
            case RELU:
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i];
                    o[oo + i] = x > 0 || x != x ? x : 0;
                }
                break;
            case SIGN:
                for (int i = 0; i < n; i++) o[oo + i] = Math.signum(a[ao + i]);
                break;
            case TAN:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.tan(a[ao + i]);
                break;
            case ASIN:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.asin(a[ao + i]);
                break;
            case ACOS:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.acos(a[ao + i]);
                break;
            case ATAN:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.atan(a[ao + i]);
                break;
            case SINH:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.sinh(a[ao + i]);
                break;
            case COSH:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.cosh(a[ao + i]);
                break;
            case LOG1P:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.log1p(a[ao + i]);
                break;
            case EXPM1:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.expm1(a[ao + i]);
                break;
            case LOG2:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Special.log2(a[ao + i]);
                break;
            case LOG10:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.log10(a[ao + i]);
                break;
            case ERF:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Special.erf(a[ao + i]);
                break;
            case RECIPROCAL:
                for (int i = 0; i < n; i++) o[oo + i] = (float) (1.0 / a[ao + i]);
                break;
            case RSQRT:
                for (int i = 0; i < n; i++) o[oo + i] = (float) (1.0 / Math.sqrt(a[ao + i]));
                break;
            case SQUARE:
                for (int i = 0; i < n; i++) o[oo + i] = a[ao + i] * a[ao + i];
                break;
            case FLOOR:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.floor(a[ao + i]);
                break;
            case CEIL:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.ceil(a[ao + i]);
                break;
            case ROUND:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.rint(a[ao + i]);
                break;
            case TRUNC:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Special.trunc(a[ao + i]);
                break;
            default:
                throw new AssertionError(op);
        }
    }

    /** {@code o[oo + i] = op(a[ao + i*as], b[bo + i*bs])} for {@code i < n}; steps are 0 or 1. */
    public static void binary(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] o, int oo,
            int n) {
        switch (op) {
            case ADD:
                for (int i = 0; i < n; i++) o[oo + i] = a[ao + i * as] + b[bo + i * bs];
                break;
            case SUB:
                for (int i = 0; i < n; i++) o[oo + i] = a[ao + i * as] - b[bo + i * bs];
                break;
            case MUL:
                for (int i = 0; i < n; i++) o[oo + i] = a[ao + i * as] * b[bo + i * bs];
                break;
            case DIV:
                for (int i = 0; i < n; i++) o[oo + i] = a[ao + i * as] / b[bo + i * bs];
                break;
            case POW:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.pow(a[ao + i * as], b[bo + i * bs]);
                break;
            case MAXIMUM:
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i * as];
                    float y = b[bo + i * bs];
                    o[oo + i] = x != x || y != y ? (float) Float.NaN : Math.max(x, y);
                }
                break;
            case MINIMUM:
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i * as];
                    float y = b[bo + i * bs];
                    o[oo + i] = x != x || y != y ? (float) Float.NaN : Math.min(x, y);
                }
                break;
            case ATAN2:
                for (int i = 0; i < n; i++) o[oo + i] = (float) Math.atan2(a[ao + i * as], b[bo + i * bs]);
                break;
            case TANH_BACKWARD:
                for (int i = 0; i < n; i++) {
                    float y = b[bo + i * bs];
                    o[oo + i] = a[ao + i * as] * (1 - y * y);
                }
                break;
            case SIGMOID_BACKWARD:
                for (int i = 0; i < n; i++) {
                    float y = b[bo + i * bs];
                    o[oo + i] = a[ao + i * as] * y * (1 - y);
                }
                break;
            case RELU_BACKWARD:
                for (int i = 0; i < n; i++) o[oo + i] = b[bo + i * bs] > 0 ? a[ao + i * as] : 0;
                break;
            case SIN_BACKWARD:
                for (int i = 0; i < n; i++) o[oo + i] = a[ao + i * as] * (float) Math.cos(b[bo + i * bs]);
                break;
            case COS_BACKWARD:
                for (int i = 0; i < n; i++) o[oo + i] = a[ao + i * as] * -(float) Math.sin(b[bo + i * bs]);
                break;
            case BINARY_CROSS_ENTROPY:
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i * as];
                    float t = b[bo + i * bs];
                    float logX = (float) Math.log(x);
                    float log1mX = (float) Math.log(1 - x);
                    if (logX < -100) logX = -100;
                    if (log1mX < -100) log1mX = -100;
                    o[oo + i] = -(t * logX + (1 - t) * log1mX);
                }
                break;
            case BINARY_CROSS_ENTROPY_BACKWARD:
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i * as];
                    float d = x * (1 - x);
                    if (d < (float) 1e-12) d = (float) 1e-12;
                    o[oo + i] = (x - b[bo + i * bs]) / d;
                }
                break;
            case FMOD:
                for (int i = 0; i < n; i++) o[oo + i] = a[ao + i * as] % b[bo + i * bs];
                break;
            case REMAINDER:
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i * as];
                    float y = b[bo + i * bs];
                    float r = x % y;
                    o[oo + i] = r != 0 && (r < 0) != (y < 0) ? r + y : r;
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }

    /** {@code o[i] = a[ao + i*as] OP b[bo + i*bs]}; steps are 0 or 1. */
    public static void compare(CompareOp op, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] o, int n) {
        switch (op) {
            case GT:
                for (int i = 0; i < n; i++) o[i] = a[ao + i * as] > b[bo + i * bs];
                break;
            case GE:
                for (int i = 0; i < n; i++) o[i] = a[ao + i * as] >= b[bo + i * bs];
                break;
            case LT:
                for (int i = 0; i < n; i++) o[i] = a[ao + i * as] < b[bo + i * bs];
                break;
            case LE:
                for (int i = 0; i < n; i++) o[i] = a[ao + i * as] <= b[bo + i * bs];
                break;
            case EQ:
                for (int i = 0; i < n; i++) o[i] = a[ao + i * as] == b[bo + i * bs];
                break;
            case NE:
                for (int i = 0; i < n; i++) o[i] = a[ao + i * as] != b[bo + i * bs];
                break;
            default:
                throw new AssertionError(op);
        }
    }

    /** Clamps {@code n} elements into [lo, hi]; NaN stays NaN; either bound may be NaN to mean none. */
    public static void clamp(float[] a, int ao, float lo, float hi, float[] o, int n) {
        for (int i = 0; i < n; i++) {
            float x = a[ao + i];
            if (x < lo) x = lo;
            if (x > hi) x = hi;
            o[i] = x;
        }
    }

    /** {@code o[i] = c[i] ? a[ao + i*as] : b[bo + i*bs]}. */
    public static void where(boolean[] c, int co, int cs, float[] a, int ao, int as, float[] b, int bo, int bs,
            float[] o, int n) {
        for (int i = 0; i < n; i++) o[i] = c[co + i * cs] ? a[ao + i * as] : b[bo + i * bs];
    }

    /**
     * One step of SGD over n contiguous elements, written into {@code p} and {@code buf}: with a momentum
     * buffer, {@code b = buf * momentum + g * alpha} into buf, then {@code p = p + b * lr}; without one (buf null),
     * {@code p = p + g * lr}. Every product and sum rounds to the element type, in the order of the in-place
     * ops {@code buf.mul_(momentum).add_(g, alpha); p.add_(b, lr)} (lr is the negated learning rate).
     */
    public static void sgdStep(float[] p, int po, float[] buf, int bo, float[] g, int go, int n, float momentum,
            float alpha, float lr) {
        if (buf == null) {
            for (int i = 0; i < n; i++) p[po + i] = p[po + i] + g[go + i] * lr;
            return;
        }
        for (int i = 0; i < n; i++) {
            float b = buf[bo + i] * momentum + g[go + i] * alpha;
            buf[bo + i] = b;
            p[po + i] = p[po + i] + b * lr;
        }
    }

    /** Whether none of {@code n} elements is below lo or above hi (NaN is neither). */
    public static boolean allWithin(float[] a, int ao, int n, float lo, float hi) {
        for (int i = 0; i < n; i++) {
            if (a[ao + i] < lo || a[ao + i] > hi) return false;
        }
        return true;
    }

    /** Sets {@code n} elements to {@code v}. */
    public static void fill(float[] a, int ao, int n, float v) {
        java.util.Arrays.fill(a, ao, ao + n, v);
    }

    /** Sum of {@code n} contiguous elements, accumulated in float precision. */
    public static double /*keep*/ sumAll(float[] a, int ao, int n) {
        double /*keep*/ s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i];
            s1 += a[ao + i + 1];
            s2 += a[ao + i + 2];
            s3 += a[ao + i + 3];
        }
        for (; i < n; i++) s0 += a[ao + i];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Sums a contiguous [outer, red, inner] block over its middle axis into {@code o} of size [outer, inner],
     * accumulating in float precision.
     */
    public static void sumDim(float[] a, int ao, int outer, int red, int inner, float[] o) {
        if (inner == 1) {
            for (int p = 0; p < outer; p++) o[p] = (float) sumAll(a, ao + p * red, red);
            return;
        }
        double /*keep*/[] acc = new double /*keep*/[inner];
        for (int p = 0; p < outer; p++) {
            java.util.Arrays.fill(acc, 0);
            int base = ao + p * red * inner;
            for (int r = 0; r < red; r++) {
                int row = base + r * inner;
                for (int i = 0; i < inner; i++) acc[i] += a[row + i];
            }
            for (int i = 0; i < inner; i++) o[p * inner + i] = (float) acc[i];
        }
    }

    /**
     * Inclusive prefix sum (or product) of a contiguous [outer, len, inner] block along its middle axis,
     * accumulated in 64-bit precision.
     */
    public static void scan(float[] a, int ao, int outer, int len, int inner, boolean product, float[] o) {
        for (int p = 0; p < outer; p++) {
            int base = p * len * inner;
            for (int i = 0; i < inner; i++) {
                double /*keep*/ acc = product ? 1 : 0;
                for (int r = 0; r < len; r++) {
                    int at = base + r * inner + i;
                    acc = product ? acc * a[ao + at] : acc + a[ao + at];
                    o[at] = (float) acc;
                }
            }
        }
    }

    /**
     * Max (or min) of a contiguous [outer, red, inner] block over its middle axis: values into {@code o},
     * the index of the first extreme (or first NaN, which wins) into {@code idx}.
     */
    public static void extremeDim(float[] a, int ao, int outer, int red, int inner, boolean max, float[] o,
            long[] idx) {
        for (int p = 0; p < outer; p++) {
            int base = ao + p * red * inner;
            for (int i = 0; i < inner; i++) {
                float best = a[base + i];
                int bi = 0;
                if (best == best) {
                    for (int r = 1; r < red; r++) {
                        float x = a[base + r * inner + i];
                        if (x != x) {
                            best = x;
                            bi = r;
                            break;
                        }
                        if (max ? x > best : x < best) {
                            best = x;
                            bi = r;
                        }
                    }
                }
                o[p * inner + i] = best;
                if (idx != null) idx[p * inner + i] = bi;
            }
        }
    }

    /**
     * {@code o[oo + i] = op(a[ao + i]; p, q)} for {@code i < n}: the activation functions of {@link ActivationOp}
     * with PyTorch's CPU formulas.
     */
    public static void activation(ActivationOp op, float[] a, int ao, float[] o, int oo, int n, double /*keep*/ p,
            double /*keep*/ q) {
        switch (op) {
            case GELU: {
                float alpha = (float) 0.7071067811865476;
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i];
                    o[oo + i] = x * (float) 0.5 * ((float) 1 + (float) Special.erf(x * alpha));
                }
                break;
            }
            case GELU_TANH: {
                float beta = (float) 0.7978845608028654;
                float kappa = (float) 0.044715;
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i];
                    float inner = beta * (x + kappa * (x * x * x));
                    o[oo + i] = (float) 0.5 * x * ((float) 1 + (float) Math.tanh(inner));
                }
                break;
            }
            case SILU:
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i];
                    o[oo + i] = x / ((float) 1 + (float) Math.exp(-x));
                }
                break;
            case SOFTPLUS: {
                float beta = (float) p;
                float threshold = (float) q;
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i];
                    o[oo + i] = x * beta > threshold ? x : (float) Math.log1p(Math.exp(x * beta)) / beta;
                }
                break;
            }
            case MISH:
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i];
                    o[oo + i] = x * (float) Math.tanh(Math.log1p(Math.exp(x)));
                }
                break;
            case LEAKY_RELU: {
                float slope = (float) p;
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i];
                    o[oo + i] = x > 0 ? x : x * slope;
                }
                break;
            }
            case ELU: {
                float neg = (float) p;
                float pos = (float) q;
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i];
                    o[oo + i] = x <= 0 ? ((float) Math.exp(x) - (float) 1) * neg : x * pos;
                }
                break;
            }
            case LOG_SIGMOID:
                for (int i = 0; i < n; i++) {
                    float x = a[ao + i];
                    o[oo + i] = Math.min(x, (float) 0) - (float) Math.log1p(Math.exp(-Math.abs(x)));
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }

    /**
     * Softmax (or log-softmax) of a contiguous [outer, red, inner] block over its middle axis into {@code o}
     * (same layout), subtracting the maximum first for stability; sums accumulate in float precision.
     */
    public static void softmax(float[] a, int ao, int outer, int red, int inner, float[] o, boolean log) {
        for (int p = 0; p < outer; p++) {
            int base = p * red * inner;
            for (int i = 0; i < inner; i++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int r = 0; r < red; r++) {
                    float x = a[ao + base + r * inner + i];
                    if (x > max || x != x) max = x;
                }
                double /*keep*/ sum = 0;
                for (int r = 0; r < red; r++) {
                    float e = (float) Math.exp(a[ao + base + r * inner + i] - max);
                    if (!log) o[base + r * inner + i] = e;
                    sum += e;
                }
                if (log) {
                    float logSum = (float) Math.log(sum);
                    for (int r = 0; r < red; r++) {
                        o[base + r * inner + i] = a[ao + base + r * inner + i] - max - logSum;
                    }
                } else {
                    float inv = (float) (1 / sum);
                    for (int r = 0; r < red; r++) o[base + r * inner + i] *= inv;
                }
            }
        }
    }
}
