package io.jgrad.autograd;

import io.jgrad.Tensor;
import io.jgrad.internal.TensorAccess;

/**
 * How ops record themselves: whether an op needs a node, the edge a tensor's gradient flows into, and
 * attaching a node to an op's outputs. Used by io.jgrad.ops; not for users.
 */
public final class Graph {
    private Graph() {}

    private static final TensorAccess A = TensorAccess.get();

    /** True if grad mode is on and {@code a} requires grad: the op must record a node. */
    public static boolean needsGrad(Tensor a) {
        return a.requiresGrad() && GradMode.isEnabled();
    }

    /** True if grad mode is on and any input requires grad. */
    public static boolean needsGrad(Tensor a, Tensor b) {
        return (a.requiresGrad() || (b != null && b.requiresGrad())) && GradMode.isEnabled();
    }

    /** True if grad mode is on and any of the inputs requires grad. */
    public static boolean needsGrad(Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return false;
        }
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The edge a gradient for {@code t} flows into: its grad_fn and output number, its AccumulateGrad if it
     * is a leaf that requires grad, or {@link Edge#NONE}.
     */
    public static Edge edgeOf(Tensor t) {
        Node fn = t.gradFn();
        if (fn != null) {
            return fn.edgeTo(t.outputNr());
        }
        if (t.requiresGrad()) {
            return ((AccumulateGrad) A.gradAccumulator(t)).edge;
        }
        return Edge.NONE;
    }

    /** Makes {@code fn} the grad_fn of {@code out} (its output 0); returns out. */
    public static Tensor record(Tensor out, Node fn) {
        A.setHistory(out, fn, 0);
        return out;
    }

    /** Makes {@code fn} the grad_fn of each output, numbered in order. */
    public static void record(Tensor[] outs, Node fn) {
        for (int i = 0; i < outs.length; i++) {
            if (outs[i] != null) {
                A.setHistory(outs[i], fn, i);
            }
        }
    }

    /** The AccumulateGrad node for a leaf (called once per leaf by Tensor). */
    public static Node newAccumulator(Tensor leaf) {
        return new AccumulateGrad(leaf);
    }

    /** Rebases saved outputs of {@code fn} onto {@code self} after an in-place op (see SavedTensor). */
    public static void rebaseSavedOutputs(Node fn, Tensor self) {
        fn.rebaseSavedOutputs(self);
    }

    /** Runs a node's backward formula directly (CopySlices wraps the node of the op it rebased). */
    public static Tensor[] apply(Node fn, Tensor[] gradOutputs) {
        return fn.apply(gradOutputs);
    }

    /** Registers a tensor hook on output {@code outputNr} of a node (register_hook / retain_grad on a non-leaf). */
    public static RemovableHandle addTensorHook(Node fn, int outputNr, java.util.function.UnaryOperator<Tensor> hook) {
        return fn.addTensorPreHook(outputNr, hook);
    }

    /**
     * Runs a write to a tensor's {@code grad} when the current backward pass succeeds (at once outside a
     * pass). See Note [Gradient accumulation] in AccumulateGrad.
     */
    public static void deferGradWrite(Runnable write) {
        Engine.defer(write);
    }

}
