package io.jgrad.ops;

import io.jgrad.Tensor;
import io.jgrad.autograd.GradMode;
import io.jgrad.autograd.Graph;
import io.jgrad.autograd.ModeGuard;
import io.jgrad.autograd.Node;
import io.jgrad.autograd.RemovableHandle;
import io.jgrad.internal.TensorAccess;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** Changes to a tensor's autograd state (requires_grad, grad, hooks, retain_grad, detach_, set_data). */
public final class TensorState {
    private TensorState() {}

    private static final TensorAccess A = TensorAccess.get();

    /** {@code x.requires_grad_(flag)} with PyTorch's checks. */
    public static void setRequiresGrad(Tensor t, boolean flag) {
        if (!t.isLeaf()) {
            if (!flag) {
                throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you "
                        + "want to use a computed variable in a subgraph that doesn't require differentiation use "
                        + "var_no_grad = var.detach().");
            }
            return;
        }
        if (flag && !t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients");
        }
        A.setRequiresGradFlag(t, flag);
    }

    /**
     * {@code x.grad = g}: null clears; otherwise g must have x's shape and dtype.
     */
    public static void setGrad(Tensor t, Tensor g) {
        if (g != null) {
            if (!Arrays.equals(A.shape(g), A.shape(t))) {
                throw new IllegalArgumentException("assigned grad has data of a different size");
            }
            if (g.dtype() != t.dtype()) {
                throw new IllegalArgumentException("assigned grad has data of a different type");
            }
        }
        A.setGradField(t, g);
    }

    /** {@code x.retain_grad()}. */
    public static void retainGrad(Tensor t) {
        if (!t.requiresGrad()) {
            throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        }
        if (t.isLeaf() || t.retainsGrad()) {
            return;
        }
        Node fn = t.gradFn();
        Graph.addTensorHook(fn, t.outputNr(), g -> {
            boolean record = GradMode.isEnabled();
            Graph.deferGradWrite(() -> {
                try (ModeGuard m = GradMode.set(record)) {
                    Tensor old = t.grad();
                    A.setGradField(t, old == null ? Copying.clone(g) : Arithmetic.add(old, g, 1));
                }
            });
            return null;
        });
        A.setRetainsGrad(t, true);
    }

    /** {@code x.register_hook(hook)}: on a leaf run by its AccumulateGrad, else by its grad_fn. */
    public static RemovableHandle registerHook(Tensor t, UnaryOperator<Tensor> hook) {
        if (!t.requiresGrad()) {
            throw new IllegalStateException("cannot register a hook on a tensor that doesn't require gradient");
        }
        if (t.isLeaf()) {
            List<UnaryOperator<Tensor>> hooks = A.hooks(t);
            hooks.add(hook);
            return () -> hooks.remove(hook);
        }
        return Graph.addTensorHook(t.gradFn(), t.outputNr(), hook);
    }

    /** {@code x.detach_()}. */
    public static void detachInPlace(Tensor t) {
        if (A.viewBase(t) != null) {
            throw new IllegalStateException("Can't detach views in-place. Use detach() instead. If you are using "
                    + "DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, "
                    + "gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. "
                    + "To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py "
                    + "as the solution.");
        }
        A.setHistory(t, null, 0);
        A.setRequiresGradFlag(t, false);
    }

    /** {@code x.data = data}: x now shares data's elements; its autograd identity stays. */
    public static void setData(Tensor t, Tensor data) {
        if (data.dtype() != t.dtype()) {
            throw new IllegalArgumentException("data set to a tensor that requires gradients must be floating point or "
                    + "complex dtype");
        }
        A.setData(t, A.storage(data), A.offset(data), A.shape(data), A.strides(data));
    }
}
