package io.jgrad.internal;

import io.jgrad.Tensor;
import io.jgrad.autograd.Node;
import io.jgrad.storage.Storage;
import io.jgrad.storage.VersionCounter;

/**
 * The engine's and the ops' access to a tensor's internal state, which is not public API. {@link Tensor}
 * installs the single implementation when its class initialises (the JDK's "shared secrets" pattern), so
 * io.jgrad.ops and io.jgrad.autograd can reach fields that users cannot.
 */
public abstract class TensorAccess {
    private static TensorAccess instance;

    /** Called once by Tensor's static initialiser. */
    public static void install(TensorAccess access) {
        if (instance != null) {
            throw new IllegalStateException("TensorAccess already installed");
        }
        instance = access;
    }

    /** The implementation; Tensor is initialised by then because every caller holds a Tensor. */
    public static TensorAccess get() {
        TensorAccess a = instance;
        if (a == null) {
            try {
                Class.forName(Tensor.class.getName(), true, TensorAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            a = instance;
        }
        return a;
    }

    /** A new non-view tensor over a storage. */
    public abstract Tensor make(Storage storage, int offset, int[] shape, int[] strides);

    /** A tensor sharing {@code src}'s storage and version counter, with its own geometry and no autograd state. */
    public abstract Tensor alias(Tensor src, int offset, int[] shape, int[] strides);

    /** Makes {@code view} a view of {@code base}'s root base, as PyTorch's as_view does. */
    public abstract void markView(Tensor view, Tensor base);

    /** Marks {@code view} as one of several views one op returned (in-place on it is refused). */
    public abstract void markMultiOutputView(Tensor view, Tensor base);

    public abstract VersionCounter versionCounter(Tensor t);

    /** The version of t's counter, 0 if it has none yet (without creating one). */
    public abstract int versionValue(Tensor t);

    /** The current grad_fn without regenerating a stale view's one. */
    public abstract Node rawGradFn(Tensor t);

    public abstract int outputNr(Tensor t);

    /** Sets t's history: grad_fn and which output of it t is. */
    public abstract void setHistory(Tensor t, Node fn, int outputNr);

    /** The tensor's cached AccumulateGrad node, created on first use (leaves that require grad only). */
    public abstract Node gradAccumulator(Tensor leaf);

    /** Root base of a view, or null when t is not a view. */
    public abstract Tensor viewBase(Tensor t);

    /** How a view was made; null when t is not a view. */
    public abstract ViewCreation viewCreation(Tensor t);

    /** Marks a view's grad_fn stale so the next gradFn() regenerates it from the base. */
    public abstract void invalidateViewGradFn(Tensor view);

    /** Sets the grad field directly (the engine's AccumulateGrad and retain_grad). */
    public abstract void setGradField(Tensor t, Tensor grad);

    /** Replaces storage and geometry in place (set_data), keeping autograd state. */
    public abstract void setData(Tensor t, Storage storage, int offset, int[] shape, int[] strides);

    /** Hooks registered on a tensor, or null when none was ever registered. */
    public abstract java.util.List<java.util.function.UnaryOperator<Tensor>> hooksOrNull(Tensor t);

    /** Hooks registered on a tensor (for leaves, run by AccumulateGrad); created on first use. */
    public abstract java.util.List<java.util.function.UnaryOperator<Tensor>> hooks(Tensor t);

    /** The storage (raw field). */
    public abstract Storage storage(Tensor t);

    /** The storage offset (raw field). */
    public abstract int offset(Tensor t);

    /** The shape array itself, not a copy: never mutate it. */
    public abstract int[] shape(Tensor t);

    /** The strides array itself, not a copy: never mutate it. */
    public abstract int[] strides(Tensor t);

    /** The leaf's own requires_grad flag (not derived from grad_fn or a view's base). */
    public abstract boolean requiresGradFlag(Tensor t);

    public abstract void setRequiresGradFlag(Tensor t, boolean v);

    public abstract void setRetainsGrad(Tensor t, boolean v);

    /** Records the version at which a view's grad_fn was last (re)made. */
    public abstract void setViewAttrVersion(Tensor t, int v);
}
