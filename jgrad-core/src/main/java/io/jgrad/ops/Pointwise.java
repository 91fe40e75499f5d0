package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.GradMode;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.SavedTensor;
import io.jgrad.kernel.BinaryOp;
import io.jgrad.kernel.CompareOp;
import io.jgrad.kernel.UnaryOp;

/**
 * Elementwise functions of one tensor, each forward next to its derivative (PyTorch's derivatives.yaml
 * line in the comment). Integer inputs of floating functions are promoted to FLOAT32 first.
 */
public final class Pointwise {
    private Pointwise() {}

    /** -x. {@code neg: -grad}. */
    public static Tensor neg(Tensor x) {
        if (x.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you "
                    + "are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        Tensor out = Dispatch.unary(UnaryOp.NEG, x);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("NegBackward0", x) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {neg(g[0])};
                }
            });
        }
        return out;
    }

    /** e^x. {@code exp: grad * result}. */
    public static Tensor exp(Tensor x) {
        return unary(UnaryOp.EXP, "ExpBackward0", x, false, true, (a, y) -> y, BinaryOp.MUL);
    }

    /** ln x. {@code log: grad / self}. */
    public static Tensor log(Tensor x) {
        return unary(UnaryOp.LOG, "LogBackward0", x, true, false, (a, y) -> MathFunctions.reciprocal(a));
    }

    /** sqrt x. {@code sqrt: grad / (2 * result)}. */
    public static Tensor sqrt(Tensor x) {
        return unary(UnaryOp.SQRT, "SqrtBackward0", x, false, true,
                (a, y) -> MathFunctions.reciprocal(Arithmetic.scale(y, 2)));
    }

    /** |x|. {@code abs: grad * self.sgn()}. */
    public static Tensor abs(Tensor x) {
        return unary(UnaryOp.ABS, "AbsBackward0", x, true, false, (a, y) -> Dispatch.unary(UnaryOp.SIGN, a));
    }

    /** sin x. {@code sin: grad * self.cos()}. */
    public static Tensor sin(Tensor x) {
        return unary(UnaryOp.SIN, "SinBackward0", x, true, false, (a, y) -> cos(a), BinaryOp.SIN_BACKWARD);
    }

    /** cos x. {@code cos: grad * -self.sin()}. */
    public static Tensor cos(Tensor x) {
        return unary(UnaryOp.COS, "CosBackward0", x, true, false, (a, y) -> neg(sin(a)), BinaryOp.COS_BACKWARD);
    }

    /** tanh x. {@code tanh: grad * (1 - result^2)}. */
    public static Tensor tanh(Tensor x) {
        return unary(UnaryOp.TANH, "TanhBackward0", x, false, true,
                (a, y) -> Arithmetic.sub(Torch.scalar(1, y.dtype()), Arithmetic.mul(y, y), 1), BinaryOp.TANH_BACKWARD);
    }

    /** 1 / (1 + e^-x). {@code sigmoid: grad * result * (1 - result)}. */
    public static Tensor sigmoid(Tensor x) {
        return unary(UnaryOp.SIGMOID, "SigmoidBackward0", x, false, true,
                (a, y) -> Arithmetic.mul(y, Arithmetic.sub(Torch.scalar(1, y.dtype()), y, 1)), BinaryOp.SIGMOID_BACKWARD);
    }

    /** max(x, 0). {@code relu: threshold_backward(grad, result, 0)}. */
    public static Tensor relu(Tensor x) {
        Tensor out = Dispatch.unary(UnaryOp.RELU, x);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("ReluBackward0", x) {
                final SavedTensor result = saveOutput(out);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor y = result.unpack();
                    if (!GradMode.isEnabled()) {
                        // One pass (see unary's fused kernels); the where below is the differentiable form.
                        return new Tensor[] {Dispatch.binary(BinaryOp.RELU_BACKWARD, g[0], y, g[0].dtype())};
                    }
                    Tensor positive = Dispatch.compare(CompareOp.GT, y, Torch.scalar(0, y.dtype()));
                    return new Tensor[] {Indexing.where(positive, g[0], Torch.scalar(0, g[0].dtype()))};
                }
            });
        }
        return out;
    }

    /** -1, 0 or 1. {@code sign: zeros_like(grad)}. */
    public static Tensor sign(Tensor x) {
        Tensor out = Dispatch.unary(UnaryOp.SIGN, x.dtype() == DType.BOOL ? x.to(DType.INT64) : x);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("SignBackward0", x) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {Torch.zerosLike(g[0])};
                }
            });
        }
        return out;
    }

    /**
     * x clamped to [min, max]; a NaN bound means none. {@code clamp: where(min <= self <= max, grad, 0)}.
     *
     * @throws IllegalArgumentException if both bounds are NaN (PyTorch's message)
     */
    public static Tensor clamp(Tensor x, double min, double max) {
        if (Double.isNaN(min) && Double.isNaN(max)) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        // Integral bounds are Python ints (integer tensors stay integer); others promote integers to FLOAT32.
        boolean intBounds = (Double.isNaN(min) || min == Math.rint(min)) && (Double.isNaN(max) || max == Math.rint(max));
        Tensor in = x.dtype().isFloatingPoint() ? x
                : Dispatch.convert(x, intBounds ? DType.INT64 : DType.FLOAT32);
        Tensor out = Dispatch.clamp(in, min, max);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("ClampBackward1", x) {
                final SavedTensor self = save(x);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor xv = self.unpack();
                    Tensor keep = Torch.onesLike(xv).to(DType.BOOL);
                    if (!Double.isNaN(min)) {
                        keep = Dispatch.compare(CompareOp.GE, xv, Torch.scalar(min, xv.dtype()));
                    }
                    if (!Double.isNaN(max)) {
                        Tensor le = Dispatch.compare(CompareOp.LE, xv, Torch.scalar(max, xv.dtype()));
                        keep = Dispatch.binary(io.jgrad.kernel.BinaryOp.MUL, keep, le, DType.BOOL);
                    }
                    return new Tensor[] {Indexing.where(keep, g[0], Torch.scalar(0, g[0].dtype()))};
                }
            });
        }
        return out;
    }

    /** dy/dx of an elementwise function as a differentiable expression of x and y (either null when unsaved). */
    @FunctionalInterface
    interface Derivative {
        Tensor of(Tensor x, Tensor y);
    }

    /**
     * An elementwise function with a kernel and a derivative: the forward runs the kernel (integer inputs of
     * floating functions in FLOAT32), the node saves x and/or y and returns {@code grad * d(x, y)}; a null
     * derivative means a zero gradient (rounding functions).
     */
    static Tensor unary(UnaryOp k, String name, Tensor x, boolean saveX, boolean saveY, Derivative d) {
        return unary(k, name, x, saveX, saveY, d, null);
    }

    /**
     * {@link #unary} with a fused backward kernel {@code fused(grad, saved)} (saved: y if saveY, else x) used
     * when the backward pass itself is not recorded (no createGraph): one pass over memory instead of several,
     * computing the same bits as {@code grad * d(x, y)}. With createGraph the differentiable formula {@code d}
     * runs, so higher derivatives stay right.
     */
    static Tensor unary(UnaryOp k, String name, Tensor x, boolean saveX, boolean saveY, Derivative d,
            BinaryOp fused) {
        Tensor in = d == null || k == UnaryOp.ABS ? x
                : k == UnaryOp.SQUARE ? (x.dtype() == DType.BOOL ? Dispatch.convert(x, DType.INT64) : x) : floating(x);
        Tensor out = Dispatch.unary(k, in);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node(name, x) {
                final SavedTensor sx = saveX ? save(x) : null;
                final SavedTensor sy = saveY ? saveOutput(out) : null;

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    if (d == null) {
                        return new Tensor[] {Torch.zerosLike(g[0])};
                    }
                    if (fused != null && !GradMode.isEnabled()) {
                        Tensor saved = sy != null ? sy.unpack() : sx.unpack();
                        return new Tensor[] {Dispatch.binary(fused, g[0], saved, Dispatch.resultType(g[0], saved))};
                    }
                    Tensor dx = d.of(sx == null ? null : sx.unpack(), sy == null ? null : sy.unpack());
                    return new Tensor[] {Arithmetic.mul(g[0], dx)};
                }
            });
        }
        return out;
    }

    /** Integer and bool inputs of floating functions compute in FLOAT32, as in PyTorch. */
    private static Tensor floating(Tensor x) {
        return x.dtype().isFloatingPoint() ? x : Dispatch.convert(x, DType.FLOAT32);
    }
}
