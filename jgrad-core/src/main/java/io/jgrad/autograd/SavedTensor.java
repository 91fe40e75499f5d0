package io.jgrad.autograd;

import io.jgrad.Tensor;
import io.jgrad.internal.Shapes;
import io.jgrad.internal.TensorAccess;

/**
 * A tensor a node keeps for its backward formula, PyTorch's SavedVariable.
 *
 * <p>Note [Saved tensor versions]: a saved tensor records its version counter's value when saved; unpacking
 * it after an in-place write (the counter moved) throws PyTorch's "modified by an inplace operation" error,
 * because the formula would silently use the new values. Views and {@code detach()} share the counter, so
 * a write through any of them is caught; {@code data()} has its own counter and is not. The value is read
 * through the saved tensor (0 while it has no counter: one made later starts at 0 and only moves on a write),
 * so saving creates no counter.
 *
 * <p>Note [Saved outputs]: a node that saves its own output (exp, tanh, sigmoid, ...) unpacks it as a fresh
 * alias whose grad_fn is that node, so that a double backward through the formula reaches the node's
 * inputs, even after the original output tensor's history was rebased by an in-place op.
 */
public final class SavedTensor {
    static final String FREED = "Trying to backward through the graph a second time (or directly access saved "
            + "tensors after they have already been freed). Saved intermediate values of the graph are freed when "
            + "you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through "
            + "the graph a second time or if you need to access saved tensors after calling backward.";
    private static final TensorAccess A = TensorAccess.get();

    /** The saved tensor; null once released (the graph was freed). */
    private volatile Tensor data;
    private int savedVersion;
    private final boolean isOutput;
    private final Node owner;
    private final int outputNr;

    SavedTensor(Tensor t, boolean isOutput, Node owner, int outputNr) {
        this.data = t;
        this.savedVersion = A.versionValue(t);
        this.isOutput = isOutput;
        this.owner = owner;
        this.outputNr = outputNr;
    }

    /**
     * The saved tensor, checked against in-place modification.
     *
     * @throws IllegalStateException if the graph was freed or the tensor was modified in place
     */
    public Tensor unpack() {
        Tensor t = data;
        if (t == null) {
            throw new IllegalStateException(FREED);
        }
        int current = A.versionValue(t);
        if (current != savedVersion) {
            Node fn = isOutput ? owner : t.gradFn();
            int nr = isOutput ? outputNr : t.outputNr();
            StringBuilder m = new StringBuilder("one of the variables needed for gradient computation has been "
                    + "modified by an inplace operation: [")
                    .append(t.dtype().legacyTypeName()).append(' ').append(Shapes.str(A.shape(t))).append(']');
            if (fn != null) {
                m.append(", which is output ").append(nr).append(" of ").append(fn.name()).append(',');
            }
            m.append(" is at version ").append(current).append("; expected version ").append(savedVersion)
                    .append(" instead.");
            if (Anomaly.isEnabled()) {
                m.append(" Hint: the backtrace further above shows the operation that failed to compute its "
                        + "gradient. The variable in question was changed in there or anywhere later. Good luck!");
            } else {
                m.append(" Hint: enable anomaly detection to find the operation that failed to compute its "
                        + "gradient, with torch.autograd.set_detect_anomaly(True).");
            }
            throw new IllegalStateException(m.toString());
        }
        if (!isOutput) {
            return t;
        }
        Tensor alias = A.alias(t, A.offset(t), A.shape(t), A.strides(t));
        if (owner != null && GradMode.isEnabled()) {
            A.setHistory(alias, owner, outputNr);
        }
        return alias;
    }

    void release() {
        data = null;
    }

    /** See Note [Saved outputs]: after an in-place op wrote the output into {@code self}. */
    void rebaseOutput(Tensor self) {
        if (isOutput && data != null) {
            savedVersion = A.versionValue(self);
            data = self;
        }
    }
}
