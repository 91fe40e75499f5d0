package io.jgrad.ops;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.autograd.Edge;
import io.jgrad.autograd.GradMode;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.ModeGuard;
import io.jgrad.autograd.Node;
import io.jgrad.internal.Shapes;
import io.jgrad.internal.TensorAccess;
import io.jgrad.internal.ViewCreation;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * In-place ops: one mechanism for all of them.
 *
 * <p>Note [In-place as out-of-place plus rebase]: {@code self.op_(other)} runs the out-of-place op on a
 * stand-in for self that carries self's history (and, when the formula needs self's old values, a copy of
 * them), copies the result into self's elements, bumps the version, and makes the recorded node self's
 * grad_fn. The recorded node's inputs are therefore self's previous history, as in PyTorch.
 *
 * <p>Note [View + inplace]: when self is a view, its base's history is rebased instead: the base gets a
 * CopySlices node that routes the base's gradient through the op's node for the view's region and
 * unchanged elsewhere; the view's own grad_fn is regenerated from the base (AsStridedBackward0).
 *
 * <p>All checks (leaf rules, view creation, broadcast shape, dtype cast) run before any element is
 * written, so a rejected call changes nothing.
 */
public final class InPlace {
    private InPlace() {}

    private static final TensorAccess A = TensorAccess.get();

    /**
     * Applies {@code outOfPlace} to self in place.
     *
     * @param needsSelfValue true when the op's backward reads self's old values (mul_, div_, pow_, clamp_)
     * @param others the op's other tensor operands (for requires-grad and leaf checks)
     */
    public static Tensor apply(Tensor self, UnaryOperator<Tensor> outOfPlace, boolean needsSelfValue,
            Tensor... others) {
        checkNoInternalOverlap(self);
        boolean requiresGrad = GradMode.isEnabled() && (self.requiresGrad() || anyRequiresGrad(others));
        checkInplace(self, requiresGrad);
        if (!requiresGrad) {
            Tensor result;
            try (ModeGuard g = GradMode.set(false)) {
                result = outOfPlace.apply(Views.detach(self));
            }
            write(self, result);
            return self;
        }
        Tensor stand = standIn(self, needsSelfValue);
        Tensor result = outOfPlace.apply(stand);
        checkResult(self, result);
        Dispatch.copyInto(self, result);
        A.versionCounter(self).bump();
        Node fn = A.rawGradFn(result);
        if (fn != null) {
            rebaseHistory(self, fn);
            Graph.rebaseSavedOutputs(fn, self);
        }
        return self;
    }

    /** {@code self.fill_(v)} / {@code self.zero_()}: the new values do not depend on the old ones. */
    public static Tensor fill(Tensor self, double value, String nodeName) {
        if (!(GradMode.isEnabled() && self.requiresGrad())) {
            // Fast path (zero_ on gradients, optimizers): nothing to record, write the value in place.
            checkNoInternalOverlap(self);
            Dispatch.fillInPlace(self, value);
            A.versionCounter(self).bump();
            return self;
        }
        return apply(self, s -> filled(s, value, nodeName), false);
    }

    /** {@code self.copy_(src)}: src broadcast to self's shape and converted to self's dtype. CopyBackwards. */
    public static Tensor copy(Tensor self, Tensor src) {
        int[] shape = A.shape(self);
        int[] b = Shapes.broadcast(shape, A.shape(src));
        if (!Arrays.equals(b, shape)) {
            throw new IllegalArgumentException("output with shape " + Shapes.str(shape)
                    + " doesn't match the broadcast shape " + Shapes.str(b));
        }
        return apply(self, s -> copied(s, src), false, src);
    }

    /**
     * Makes {@code fn} the history of {@code self} after its elements were changed in place (also for a
     * custom Function's dirty output): directly, or through its base's CopySlices when self is a view.
     */
    public static void rebaseHistory(Tensor self, Node fn) {
        Tensor base = A.viewBase(self);
        if (base == null) {
            A.setHistory(self, fn, 0);
            return;
        }
        Views.Geometry region = new Views.Geometry(A.offset(self) - A.offset(base), A.shape(self), A.strides(self));
        CopySlices cs = new CopySlices(base, region, fn);
        A.setHistory(base, cs, 0);
        A.invalidateViewGradFn(self);
    }

    // ------------------------------------------------------------------------------------------------

    /** PyTorch's check_inplace: leaf and view rules, with their messages. */
    private static void checkInplace(Tensor self, boolean requiresGrad) {
        if (!requiresGrad) {
            return;
        }
        Tensor base = A.viewBase(self);
        if (base != null) {
            ViewCreation c = A.viewCreation(self);
            if (c == ViewCreation.NO_GRAD_MODE) {
                throw new IllegalStateException("A view was created in no_grad mode and is being modified inplace "
                        + "with grad mode enabled. Given that this use case is ambiguous and error-prone, it is "
                        + "forbidden. You can clarify your code by moving both the view and the inplace either both "
                        + "inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if "
                        + "you want the inplace to be tracked).");
            }
            if (c == ViewCreation.MULTI_OUTPUT_NODE) {
                Node fn = self.gradFn();
                throw new IllegalStateException("Output " + self.outputNr() + " of "
                        + (fn == null ? "a function" : fn.name()) + " is a view and is being modified inplace. This "
                        + "view is the output of a function that returns multiple views. Such functions do not allow "
                        + "the output views to be modified inplace. You should replace the inplace operation by an "
                        + "out-of-place one.");
            }
            if (self.requiresGrad() && base.isLeaf()) {
                throw new IllegalStateException("a view of a leaf Variable that requires grad is being used in an "
                        + "in-place operation.");
            }
        }
        if (self.requiresGrad() && self.isLeaf()) {
            throw new IllegalStateException("a leaf Variable that requires grad is being used in an in-place "
                    + "operation.");
        }
    }

    /** Writing through a view where two positions share an element (expand) is refused, as in PyTorch. */
    private static void checkNoInternalOverlap(Tensor self) {
        int[] shape = A.shape(self);
        int[] strides = A.strides(self);
        for (int i = 0; i < shape.length; i++) {
            if (strides[i] == 0 && shape[i] > 1) {
                throw new IllegalArgumentException("unsupported operation: more than one element of the written-to "
                        + "tensor refers to a single memory location. Please clone() the tensor before performing the "
                        + "operation.");
            }
        }
    }

    private static boolean anyRequiresGrad(Tensor[] ts) {
        for (Tensor t : ts) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /** The result must keep self's shape and be castable to self's dtype (PyTorch's messages). */
    private static void checkResult(Tensor self, Tensor result) {
        int[] shape = A.shape(self);
        int[] rs = A.shape(result);
        if (!Arrays.equals(shape, rs)) {
            throw new IllegalArgumentException("output with shape " + Shapes.str(shape)
                    + " doesn't match the broadcast shape " + Shapes.str(rs));
        }
        DType sd = self.dtype();
        DType rd = result.dtype();
        if (rd != sd && Dispatch.promoteTypes(rd, sd) != sd) {
            throw new IllegalArgumentException("result type " + Shapes.typeName(rd)
                    + " can't be cast to the desired output type " + Shapes.typeName(sd));
        }
    }

    private static void write(Tensor self, Tensor result) {
        checkResult(self, result);
        Dispatch.copyInto(self, result);
        A.versionCounter(self).bump();
    }

    /**
     * A tensor carrying self's history (grad_fn and output number) whose elements are self's, or a copy of
     * them when the op's backward needs the old values. See Note [In-place as out-of-place plus rebase].
     */
    private static Tensor standIn(Tensor self, boolean copyValues) {
        Tensor s = copyValues ? Dispatch.convert(self, self.dtype())
                : A.alias(self, A.offset(self), A.shape(self), A.strides(self));
        Node fn = self.gradFn();
        if (fn != null) {
            A.setHistory(s, fn, self.outputNr());
        }
        return s;
    }

    private static Tensor filled(Tensor s, double value, String nodeName) {
        Tensor out = Torch.full(A.shape(s), value, s.dtype());
        if (Graph.needsGrad(s)) {
            Graph.record(out, new Node(nodeName, s) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {Torch.zerosLike(g[0])};
                }
            });
        }
        return out;
    }

    private static Tensor copied(Tensor s, Tensor src) {
        Tensor out = Dispatch.empty(A.shape(s), s.dtype());
        Dispatch.copyInto(out, src);
        if (Graph.needsGrad(s, src)) {
            Graph.record(out, new Node("CopyBackwards", s, src) {
                @Override
                protected Tensor[] apply(Tensor[] g) {
                    return new Tensor[] {needsInputGrad(0) ? Torch.zerosLike(g[0]) : null,
                        needsInputGrad(1) ? g[0] : null};
                }
            });
        }
        return out;
    }

    /**
     * The base's grad_fn after an in-place op on one of its views: the base's gradient, with the view's
     * region replaced by what the op's node returns for it, goes to the base's previous history; the op's
     * other inputs get the node's other gradients. Built from differentiable ops, so createGraph works
     * through it.
     */
    static final class CopySlices extends Node {
        private final int[] baseShape;
        private final int[] baseStrides;
        private final Views.Geometry region;
        private final Node fn;

        CopySlices(Tensor base, Views.Geometry region, Node fn) {
            super("CopySlices", edges(base, fn), shapes(base, fn), dtypes(base, fn));
            this.baseShape = A.shape(base);
            this.baseStrides = A.strides(base);
            this.region = region;
            this.fn = fn;
        }

        private static Edge[] edges(Tensor base, Node fn) {
            Edge[] e = fn.nextFunctions().toArray(new Edge[0]);
            e[0] = Graph.edgeOf(base);
            return e;
        }

        private static int[][] shapes(Tensor base, Node fn) {
            int[][] s = new int[fn.nextFunctions().size()][];
            s[0] = A.shape(base);
            for (int i = 1; i < s.length; i++) {
                s[i] = fn.inputShape(i);
            }
            return s;
        }

        private static DType[] dtypes(Tensor base, Node fn) {
            DType[] d = new DType[fn.nextFunctions().size()];
            d[0] = base.dtype();
            for (int i = 1; i < d.length; i++) {
                d[i] = fn.inputDtype(i);
            }
            return d;
        }

        @Override
        protected Tensor[] apply(Tensor[] g) {
            Tensor grad = g[0];
            Tensor slice = Views.gatherFrom(grad, baseStrides, region);
            Tensor[] res = Graph.apply(fn, new Tensor[] {slice});
            Tensor[] out = new Tensor[res.length];
            Tensor regionOnes;
            try (ModeGuard off = GradMode.set(false)) {
                regionOnes = Views.scatterInto(Torch.ones(region.shape(), grad.dtype()), baseShape, baseStrides,
                        region);
            }
            Tensor keep = Dispatch.binary(io.jgrad.kernel.BinaryOp.SUB, Torch.scalar(1, grad.dtype()), regionOnes,
                    grad.dtype());
            Tensor baseGrad = Arithmetic.mul(grad, keep);
            if (res[0] != null) {
                baseGrad = Arithmetic.add(baseGrad, Views.scatterInto(res[0], baseShape, baseStrides, region), 1);
            }
            out[0] = baseGrad;
            System.arraycopy(res, 1, out, 1, res.length - 1);
            return out;
        }
    }
}
