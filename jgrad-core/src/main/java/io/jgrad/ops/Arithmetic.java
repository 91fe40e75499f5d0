package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.SavedTensor;
import io.jgrad.internal.Shapes;
import io.jgrad.kernel.BinaryOp;
import io.jgrad.kernel.CompareOp;

/**
 * Binary arithmetic, each op's forward and backward together. Broadcasting needs nothing here: the engine
 * sums a gradient back to its input's shape (PyTorch's validate_outputs / sum_to).
 */
public final class Arithmetic {
    private Arithmetic() {}

    /** a + alpha * b. AddBackward0: (g, alpha g). */
    public static Tensor add(Tensor a, Tensor b, double alpha) {
        DType d = Dispatch.resultType(a, b);
        Tensor bb = alpha == 1 ? b : Dispatch.binary(BinaryOp.MUL, b, Torch.scalar(alpha, d), d);
        Tensor out = Dispatch.binary(BinaryOp.ADD, a, bb, d);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, new Node("AddBackward0", a, b) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {g[0], needsInputGrad(1) ? scale(g[0], alpha) : null};
                }
            });
        }
        return out;
    }

    /** a - alpha * b. SubBackward0: (g, -alpha g). */
    public static Tensor sub(Tensor a, Tensor b, double alpha) {
        DType d = Dispatch.resultType(a, b);
        if (a.dtype() == DType.BOOL && b.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with two bool tensors is not "
                    + "supported. Use the `^` or `logical_xor()` operator instead.");
        }
        if (a.dtype() == DType.BOOL || b.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        Tensor bb = alpha == 1 ? b : Dispatch.binary(BinaryOp.MUL, b, Torch.scalar(alpha, d), d);
        Tensor out = Dispatch.binary(BinaryOp.SUB, a, bb, d);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, new Node("SubBackward0", a, b) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {g[0], needsInputGrad(1) ? scale(g[0], -alpha) : null};
                }
            });
        }
        return out;
    }

    /** a * b. MulBackward0: (g b, g a). */
    public static Tensor mul(Tensor a, Tensor b) {
        DType d = Dispatch.resultType(a, b);
        Tensor out = Dispatch.binary(BinaryOp.MUL, a, b, d);
        if (Graph.needsGrad(a, b)) {
            boolean ga = a.requiresGrad();
            boolean gb = b.requiresGrad();
            Graph.record(out, new Node("MulBackward0", a, b) {
                final SavedTensor sb = ga ? save(b) : null;
                final SavedTensor sa = gb ? save(a) : null;

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {
                        needsInputGrad(0) ? mul(g[0], sb.unpack()) : null,
                        needsInputGrad(1) ? mul(g[0], sa.unpack()) : null};
                }
            });
        }
        return out;
    }

    /** a / b (true division). DivBackward0: (g / b, -g a / b^2). */
    public static Tensor div(Tensor a, Tensor b) {
        DType d = Dispatch.resultType(a, b);
        if (!d.isFloatingPoint()) {
            d = DType.FLOAT32;
        }
        Tensor out = Dispatch.binary(BinaryOp.DIV, a, b, d);
        if (Graph.needsGrad(a, b)) {
            boolean gb = b.requiresGrad();
            Graph.record(out, new Node("DivBackward0", a, b) {
                final SavedTensor sb = save(b);
                final SavedTensor sa = gb ? save(a) : null;

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor bv = sb.unpack();
                    return new Tensor[] {
                        needsInputGrad(0) ? div(g[0], bv) : null,
                        needsInputGrad(1) ? Pointwise.neg(div(mul(g[0], sa.unpack()), mul(bv, bv))) : null};
                }
            });
        }
        return out;
    }

    /** x ** p for a number p. PowBackward0: g p x^(p-1) (zero where p == 0). */
    public static Tensor pow(Tensor x, double p) {
        // An integral p is a Python int (x.pow(2)): integer tensors stay integer, bools become INT64.
        DType d = x.dtype().isFloatingPoint() || p != Math.rint(p) ? floating(x.dtype())
                : x.dtype() == DType.BOOL ? DType.INT64 : x.dtype();
        Tensor out = Dispatch.binary(BinaryOp.POW, x, Torch.scalar(p, d), d);
        if (Graph.needsGrad(x)) {
            Graph.record(out, new Node("PowBackward0", x) {
                final SavedTensor sx = save(x);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    if (p == 0) {
                        return new Tensor[] {Torch.zerosLike(g[0])};
                    }
                    Tensor xv = sx.unpack();
                    Tensor dx = p == 1 ? g[0] : mul(g[0], mul(pow(xv, p - 1), Torch.scalar(p, xv.dtype())));
                    return new Tensor[] {dx};
                }
            });
        }
        return out;
    }

    /**
     * a ** b elementwise. PowBackward1: (g b a^(b-1), g a^b log a), the latter zero where a == 0 and b >= 0.
     */
    public static Tensor pow(Tensor a, Tensor b) {
        DType d = Dispatch.resultType(a, b);
        if (d == DType.BOOL) {
            throw new IllegalArgumentException("\"pow\" not implemented for 'Bool'");
        }
        Tensor out = Dispatch.binary(BinaryOp.POW, a, b, d);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, new Node("PowBackward1", a, b) {
                final SavedTensor sa = save(a);
                final SavedTensor sb = save(b);
                final SavedTensor so = saveOutput(out);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor av = sa.unpack();
                    Tensor bv = sb.unpack();
                    Tensor da = null;
                    Tensor db = null;
                    if (needsInputGrad(0)) {
                        da = mul(g[0], mul(bv, pow(av, sub(bv, Torch.scalar(1, bv.dtype()), 1))));
                    }
                    if (needsInputGrad(1)) {
                        Tensor zeroBase = Dispatch.binary(BinaryOp.MUL,
                                Dispatch.compare(CompareOp.EQ, av, Torch.scalar(0, av.dtype())),
                                Dispatch.compare(CompareOp.GE, bv, Torch.scalar(0, bv.dtype())), DType.BOOL);
                        Tensor full = mul(g[0], mul(so.unpack(), Pointwise.log(av)));
                        db = Indexing.where(zeroBase, Torch.scalar(0, full.dtype()), full);
                    }
                    return new Tensor[] {da, db};
                }
            });
        }
        return out;
    }

    /** Elementwise maximum; ties split the gradient evenly. MaximumBackward0. */
    public static Tensor maximum(Tensor a, Tensor b) {
        return extreme(a, b, true);
    }

    /** Elementwise minimum; ties split the gradient evenly. MinimumBackward0. */
    public static Tensor minimum(Tensor a, Tensor b) {
        return extreme(a, b, false);
    }

    private static Tensor extreme(Tensor a, Tensor b, boolean max) {
        DType d = Dispatch.resultType(a, b);
        Tensor out = Dispatch.binary(max ? BinaryOp.MAXIMUM : BinaryOp.MINIMUM, a, b, d);
        if (Graph.needsGrad(a, b)) {
            Graph.record(out, new Node(max ? "MaximumBackward0" : "MinimumBackward0", a, b) {
                final SavedTensor sa = save(a);
                final SavedTensor sb = save(b);

                @Override
                protected Tensor[] apply(Tensor[] g) {
                    Tensor av = sa.unpack();
                    Tensor bv = sb.unpack();
                    Tensor zero = Torch.scalar(0, g[0].dtype());
                    Tensor half = scale(g[0], 0.5);
                    Tensor tie = Dispatch.compare(CompareOp.EQ, av, bv);
                    Tensor aWins = Dispatch.compare(max ? CompareOp.GT : CompareOp.LT, av, bv);
                    Tensor bWins = Dispatch.compare(max ? CompareOp.LT : CompareOp.GT, av, bv);
                    return new Tensor[] {
                        needsInputGrad(0) ? Indexing.where(tie, half, Indexing.where(aWins, g[0], zero)) : null,
                        needsInputGrad(1) ? Indexing.where(tie, half, Indexing.where(bWins, g[0], zero)) : null};
                }
            });
        }
        return out;
    }

    /** g * c for a number c (differentiable in g), skipping the multiply when c is 1. */
    static Tensor scale(Tensor g, double c) {
        return c == 1 ? g : mul(g, Torch.scalar(c, g.dtype()));
    }

    static DType floating(DType d) {
        return d.isFloatingPoint() ? d : DType.FLOAT32;
    }

    /** Used by ops that need a broadcast shape check with PyTorch's message. */
    static int[] broadcastShape(Tensor a, Tensor b) {
        return Shapes.broadcast(Dispatch.A.shape(a), Dispatch.A.shape(b));
    }
}
