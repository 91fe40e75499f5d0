package io.jgrad.autograd;

import io.jgrad.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The context a custom {@link Function} shares between its forward and backward, PyTorch's {@code ctx}.
 *
 * <pre>{@code
 * ctx.saveForBackward(w, b, x);             // ctx.save_for_backward(w, b, x)
 * Tensor[] s = ctx.savedTensors();          // w, b, x = ctx.saved_tensors
 * boolean need = ctx.needsInputGrad(0);     // ctx.needs_input_grad[0]
 * }</pre>
 */
public final class FunctionCtx {
    private final boolean[] needsInputGrad;
    private List<Tensor> toSave = Collections.emptyList();
    private SavedTensor[] saved;
    private final Set<Tensor> dirty = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Tensor> nonDifferentiable = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean materializeGrads = true;

    FunctionCtx(boolean[] needsInputGrad) {
        this.needsInputGrad = needsInputGrad;
    }

    /**
     * Saves tensors for backward (call in forward); they are checked for in-place changes when read back.
     */
    public void saveForBackward(Tensor... tensors) {
        List<Tensor> list = new ArrayList<>(tensors.length);
        Collections.addAll(list, tensors);
        toSave = list;
    }

    /**
     * The tensors given to {@link #saveForBackward} (call in backward), {@code ctx.saved_tensors}.
     *
     * @throws IllegalStateException after the graph was freed, or if one was modified in place
     */
    public Tensor[] savedTensors() {
        if (saved == null) {
            return toSave.toArray(new Tensor[0]);
        }
        Tensor[] out = new Tensor[saved.length];
        for (int i = 0; i < saved.length; i++) {
            out[i] = saved[i] == null ? null : saved[i].unpack();
        }
        return out;
    }

    /** Whether input {@code i} needs a gradient, {@code ctx.needs_input_grad[i]}. */
    public boolean needsInputGrad(int i) {
        return i < needsInputGrad.length && needsInputGrad[i];
    }

    /** Declares inputs that forward modified in place, {@code ctx.mark_dirty(x)}. */
    public void markDirty(Tensor... tensors) {
        Collections.addAll(dirty, tensors);
    }

    /** Declares outputs that are not differentiable (e.g. indices), {@code ctx.mark_non_differentiable(idx)}. */
    public void markNonDifferentiable(Tensor... tensors) {
        Collections.addAll(nonDifferentiable, tensors);
    }

    /**
     * Whether missing output gradients reach backward as zeros (default true) or as null,
     * {@code ctx.set_materialize_grads(value)}.
     */
    public void setMaterializeGrads(boolean value) {
        materializeGrads = value;
    }

    boolean materializeGrads() {
        return materializeGrads;
    }

    boolean isDirty(Tensor t) {
        return dirty.contains(t);
    }

    boolean isNonDifferentiable(Tensor t) {
        return nonDifferentiable.contains(t);
    }

    /** Turns the tensors given to saveForBackward into checked saved tensors owned by {@code node}. */
    void seal(Node node, Tensor output) {
        saved = new SavedTensor[toSave.size()];
        for (int i = 0; i < saved.length; i++) {
            Tensor t = toSave.get(i);
            if (t != null) {
                saved[i] = t == output ? node.saveOutput(t) : node.save(t);
            }
        }
        toSave = Collections.emptyList();
    }
}
