package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.SavedTensor;
import io.jgrad.kernel.BinaryOp;
import io.jgrad.kernel.CompareOp;
import io.jgrad.kernel.UnaryOp;

/**
 * Trigonometric, hyperbolic, exponential, rounding and remainder functions, each one row: kernel, node
 * name, and the derivative (derivatives.yaml's formula) as a differentiable expression of the input
 * {@code x} and the result {@code y}.
 */
public final class MathFunctions {
    private MathFunctions() {}

    private static final double LN2 = Math.log(2);
    private static final double LN10 = Math.log(10);

    /** {@code tan: grad * (1 + result^2)}. */
    public static Tensor tan(Tensor x) {
        return unary(UnaryOp.TAN, "TanBackward0", x, false, true, (a, y) -> y.mul(y).add(1.0));
    }

    /** {@code asin: grad / sqrt(1 - self^2)}. */
    public static Tensor asin(Tensor x) {
        return unary(UnaryOp.ASIN, "AsinBackward0", x, true, false, (a, y) -> oneMinusSquare(a).sqrt().reciprocal());
    }

    /** {@code acos: -grad / sqrt(1 - self^2)}. */
    public static Tensor acos(Tensor x) {
        return unary(UnaryOp.ACOS, "AcosBackward0", x, true, false,
                (a, y) -> oneMinusSquare(a).sqrt().reciprocal().neg());
    }

    /** {@code atan: grad / (1 + self^2)}. */
    public static Tensor atan(Tensor x) {
        return unary(UnaryOp.ATAN, "AtanBackward0", x, true, false, (a, y) -> a.mul(a).add(1.0).reciprocal());
    }

    /** {@code sinh: grad * self.cosh()}. */
    public static Tensor sinh(Tensor x) {
        return unary(UnaryOp.SINH, "SinhBackward0", x, true, false, (a, y) -> cosh(a));
    }

    /** {@code cosh: grad * self.sinh()}. */
    public static Tensor cosh(Tensor x) {
        return unary(UnaryOp.COSH, "CoshBackward0", x, true, false, (a, y) -> sinh(a));
    }

    /** {@code log1p: grad / (self + 1)}. */
    public static Tensor log1p(Tensor x) {
        return unary(UnaryOp.LOG1P, "Log1PBackward0", x, true, false, (a, y) -> a.add(1.0).reciprocal());
    }

    /** {@code expm1: grad * (result + 1)}. */
    public static Tensor expm1(Tensor x) {
        return unary(UnaryOp.EXPM1, "Expm1Backward0", x, false, true, (a, y) -> y.add(1.0));
    }

    /** {@code log2: grad / (self * ln 2)}. */
    public static Tensor log2(Tensor x) {
        return unary(UnaryOp.LOG2, "Log2Backward0", x, true, false, (a, y) -> a.mul(LN2).reciprocal());
    }

    /** {@code log10: grad / (self * ln 10)}. */
    public static Tensor log10(Tensor x) {
        return unary(UnaryOp.LOG10, "Log10Backward0", x, true, false, (a, y) -> a.mul(LN10).reciprocal());
    }

    /** {@code erf: 2 / sqrt(pi) * exp(-self^2) * grad}. */
    public static Tensor erf(Tensor x) {
        return unary(UnaryOp.ERF, "ErfBackward0", x, true, false,
                (a, y) -> a.mul(a).neg().exp().mul(2 / Math.sqrt(Math.PI)));
    }

    /** {@code reciprocal: -grad * result^2}. */
    public static Tensor reciprocal(Tensor x) {
        return unary(UnaryOp.RECIPROCAL, "ReciprocalBackward0", x, false, true, (a, y) -> y.mul(y).neg());
    }

    /** {@code rsqrt: -0.5 * grad * result^3}. */
    public static Tensor rsqrt(Tensor x) {
        return unary(UnaryOp.RSQRT, "RsqrtBackward0", x, false, true, (a, y) -> y.pow(3).mul(-0.5));
    }

    /** {@code square} is {@code pow(2)} in PyTorch (PowBackward0): {@code 2 * self * grad}. */
    public static Tensor square(Tensor x) {
        return unary(UnaryOp.SQUARE, "PowBackward0", x, true, false, (a, y) -> a.mul(2.0));
    }

    /** {@code floor}: zero gradient. */
    public static Tensor floor(Tensor x) {
        return unary(UnaryOp.FLOOR, "FloorBackward0", x, false, false, null);
    }

    /** {@code ceil}: zero gradient. */
    public static Tensor ceil(Tensor x) {
        return unary(UnaryOp.CEIL, "CeilBackward0", x, false, false, null);
    }

    /** {@code round} (half to even): zero gradient. */
    public static Tensor round(Tensor x) {
        return unary(UnaryOp.ROUND, "RoundBackward0", x, false, false, null);
    }

    /** {@code trunc}: zero gradient. */
    public static Tensor trunc(Tensor x) {
        return unary(UnaryOp.TRUNC, "TruncBackward0", x, false, false, null);
    }

    /** {@code atan2(self, other)}: {@code (grad * other / (self^2 + other^2), -grad * self / (...))}. */
    public static Tensor atan2(Tensor a, Tensor b) {
        DType d = floatingResult(a, b);
        Tensor out = Dispatch.binary(BinaryOp.ATAN2, a, b, d);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, new Node("Atan2Backward0", a, b) {
                final SavedTensor sa = save(a);
                final SavedTensor sb = save(b);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor av = sa.unpack();
                    Tensor bv = sb.unpack();
                    Tensor scale = g[0].div(av.mul(av).add(bv.mul(bv)));
                    return new Tensor[] {needsInputGrad(0) ? scale.mul(bv) : null,
                        needsInputGrad(1) ? scale.mul(av).neg() : null};
                }
            });
        }
        return out;
    }

    /** {@code fmod(self, other)} (sign of self): {@code (grad, -grad * trunc(self / other))}. */
    public static Tensor fmod(Tensor a, Tensor b) {
        return remainderLike(BinaryOp.FMOD, "FmodBackward1", a, b, q -> trunc(q));
    }

    /** {@code remainder(self, other)} (sign of other): {@code (grad, -grad * floor(self / other))}. */
    public static Tensor remainder(Tensor a, Tensor b) {
        return remainderLike(BinaryOp.REMAINDER, "RemainderBackward1", a, b, q -> floor(q));
    }

    private static Tensor remainderLike(BinaryOp op, String name, Tensor a, Tensor b,
            java.util.function.UnaryOperator<Tensor> round) {
        DType d = Dispatch.resultType(a, b);
        Tensor out = Dispatch.binary(op, a, b, d);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, new Node(name, a, b) {
                final SavedTensor sa = save(a);
                final SavedTensor sb = save(b);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor q = Dispatch.binary(BinaryOp.DIV, sa.unpack().detach(), sb.unpack().detach(), g[0].dtype());
                    return new Tensor[] {g[0], needsInputGrad(1) ? g[0].mul(round.apply(q)).neg() : null};
                }
            });
        }
        return out;
    }

    /** {@code torch.lerp(start, end, weight)} = start + weight * (end - start), all broadcast. */
    public static Tensor lerp(Tensor start, Tensor end, Tensor weight) {
        return start.add(weight.mul(end.sub(start)));
    }

    /**
     * {@code torch.clamp(x, min, max)} with tensor bounds (either may be null). ClampBackward0:
     * {@code x: where(min <= x <= max, grad, 0); min: where(x < min, grad, 0); max: where(x > max, grad, 0)}.
     */
    public static Tensor clamp(Tensor x, Tensor min, Tensor max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        DType d = x.dtype();
        Tensor out = x;
        if (min != null) {
            d = Dispatch.resultType(out, min);
            out = Dispatch.binary(BinaryOp.MAXIMUM, out, min, d);
        }
        if (max != null) {
            d = Dispatch.resultType(out, max);
            out = Dispatch.binary(BinaryOp.MINIMUM, out, max, d);
        }
        if (out == x) {
            out = Dispatch.convert(x, d);
        }
        if (Graph.needsGrad(x, min, max)) {
            Graph.record(out, new Node("ClampBackward0", x, min, max) {
                final SavedTensor sx = save(x);
                final SavedTensor smin = min == null ? null : save(min);
                final SavedTensor smax = max == null ? null : save(max);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor xv = sx.unpack();
                    Tensor zero = Torch.scalar(0, g[0].dtype());
                    Tensor below = smin == null ? null : Dispatch.compare(CompareOp.LT, xv, smin.unpack());
                    Tensor above = smax == null ? null : Dispatch.compare(CompareOp.GT, xv, smax.unpack());
                    Tensor outside = below == null ? above
                            : above == null ? below : Dispatch.binary(BinaryOp.MAXIMUM, below, above, DType.BOOL);
                    return new Tensor[] {
                        needsInputGrad(0) ? Indexing.where(outside, zero, g[0]) : null,
                        needsInputGrad(1) ? Indexing.where(below, g[0], zero) : null,
                        needsInputGrad(2) ? Indexing.where(above, g[0], zero) : null};
                }
            });
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------

    private static Tensor oneMinusSquare(Tensor a) {
        return Torch.scalar(1, a.dtype()).sub(a.mul(a));
    }

    private static Tensor unary(UnaryOp k, String name, Tensor x, boolean saveX, boolean saveY,
            Pointwise.Derivative d) {
        return Pointwise.unary(k, name, x, saveX, saveY, d);
    }

    private static DType floatingResult(Tensor a, Tensor b) {
        DType d = Dispatch.resultType(a, b);
        return d.isFloatingPoint() ? d : DType.FLOAT32;
    }
}
