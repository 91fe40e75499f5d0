package io.jgrad.autograd;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.internal.TensorAccess;
import io.jgrad.ops.Dispatch;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The node that ends every path at a leaf: it runs the leaf's hooks and adds the gradient into
 * {@code leaf.grad()}. Each leaf that requires grad has one, cached.
 *
 * <p>Note [Gradient accumulation]: the first gradient is stored as a fresh copy (never an alias of a
 * tensor the graph or the user still holds); later ones are added in place without createGraph, and out
 * of place with it (so the sum stays differentiable), as PyTorch's AccumulateGrad does. The engine
 * applies accumulations only when the whole pass succeeded, so a failing backward changes no gradient.
 */
final class AccumulateGrad extends Node {
    private static final TensorAccess A = TensorAccess.get();
    final Tensor variable;
    /** The edge into this node, shared by every op that reads the leaf. */
    final Edge edge = new Edge(this, 0);

    AccumulateGrad(Tensor variable) {
        super("AccumulateGrad", 1, new Edge[0], new int[0][], new DType[0], Long.MAX_VALUE);
        this.variable = variable;
    }

    @Override
    protected Tensor[] apply(Tensor[] gradOutputs) {
        throw new AssertionError("AccumulateGrad is applied by the engine");
    }

    /** Runs the leaf's tensor hooks; returns the gradient to accumulate. */
    Tensor runLeafHooks(Tensor grad) {
        List<UnaryOperator<Tensor>> hooks = A.hooksOrNull(variable);
        if (hooks == null) {
            return grad;
        }
        for (UnaryOperator<Tensor> h : hooks) {
            grad = checkHookResult(grad, h.apply(grad));
        }
        return grad;
    }

    /** See Note [Gradient accumulation]. Called with grad mode equal to createGraph. */
    void accumulate(Tensor newGrad) {
        if (!A.requiresGradFlag(variable)) {
            return; // a view made under no_grad acting as a leaf: PyTorch drops its gradient
        }
        synchronized (variable) {
            Tensor old = variable.grad();
            if (old == null) {
                if (GradMode.isEnabled()) {
                    Tensor fresh = io.jgrad.Torch.empty(A.shape(variable), variable.dtype());
                    A.setGradField(variable, fresh.copy_(newGrad));
                } else {
                    A.setGradField(variable, Dispatch.convert(newGrad, variable.dtype()));
                }
            } else if (!GradMode.isEnabled() && !old.requiresGrad()) {
                Dispatch.addInto(old, newGrad);
                A.versionCounter(old).bump();
            } else if (!GradMode.isEnabled()) {
                A.setGradField(variable, old.add_(newGrad));
            } else {
                A.setGradField(variable, old.add(newGrad));
            }
        }
    }
}
