package io.jgrad.autograd;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.internal.TensorAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A function in the backward graph, PyTorch's {@code torch.autograd.graph.Node} (what {@code grad_fn}
 * returns). It takes the gradients of its forward op's outputs and returns the gradients of that op's
 * inputs, one per {@link #nextFunctions()} edge.
 *
 * <p>Ops define their backward as an anonymous subclass next to their forward (see {@code io.jgrad.ops}),
 * writing the formula with differentiable tensor ops so that {@code createGraph} gives higher derivatives.
 *
 * <pre>{@code
 * Node fn = y.gradFn();                 // fn = y.grad_fn
 * fn.name();                            // fn.name()            -> "MulBackward0"
 * fn.nextFunctions();                   // fn.next_functions    -> [(<AccumulateGrad>, 0), (None, 0)]
 * }</pre>
 */
public abstract class Node {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final TensorAccess A = TensorAccess.get();

    private final String name;
    final long sequenceNr;
    final Edge[] next;
    private final int[][] inputShapes;
    private final DType[] inputDtypes;
    private final int numOutputs;
    private List<SavedTensor> saved;
    private List<PreHook> preHooks;
    private List<BiFunction<Tensor[], Tensor[], Tensor[]>> postHooks;
    private List<UnaryOperator<Tensor[]>> nodePreHooks;
    /** The edge into this node's output 0, made once (most nodes have one output, read by several ops). */
    private Edge outputEdge0;
    /** This node's state in the backward pass that claimed it (Note [Pass state in nodes] in Engine). */
    Engine.State passState;
    /** Creation stack trace in anomaly mode (see {@link Autograd#detectAnomaly()}), else null. */
    final Throwable creationTrace;

    /**
     * A node for an op with these inputs (null entries are inputs that are not tensors) and one output.
     *
     * @param name PyTorch's node name, e.g. {@code "MulBackward0"}
     */
    protected Node(String name, Tensor... inputs) {
        this(name, 1, inputs);
    }

    /** A node for an op with {@code numOutputs} outputs. */
    protected Node(String name, int numOutputs, Tensor... inputs) {
        this.name = name;
        this.sequenceNr = SEQUENCE.getAndIncrement();
        this.numOutputs = numOutputs;
        this.next = new Edge[inputs.length];
        this.inputShapes = new int[inputs.length][];
        this.inputDtypes = new DType[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = inputs[i];
            next[i] = t == null ? Edge.NONE : Graph.edgeOf(t);
            if (t != null) {
                inputShapes[i] = A.shape(t);
                inputDtypes[i] = t.dtype();
            }
        }
        this.creationTrace = Anomaly.isEnabled() ? new Throwable("forward call") : null;
    }

    /**
     * A node with explicit edges and, per edge, the shape and dtype its gradient must have (CopySlices).
     */
    protected Node(String name, Edge[] next, int[][] inputShapes, DType[] inputDtypes) {
        this(name, 1, next, inputShapes, inputDtypes, SEQUENCE.getAndIncrement());
    }

    /** A node with explicit edges, metadata and sequence number (AccumulateGrad, the graph root). */
    Node(String name, int numOutputs, Edge[] next, int[][] inputShapes, DType[] inputDtypes, long sequenceNr) {
        this.name = name;
        this.sequenceNr = sequenceNr;
        this.numOutputs = numOutputs;
        this.next = next;
        this.inputShapes = inputShapes;
        this.inputDtypes = inputDtypes;
        this.creationTrace = Anomaly.isEnabled() ? new Throwable("forward call") : null;
    }

    /**
     * The gradients of the forward inputs given the gradients of the forward outputs. Entries of
     * {@code gradOutputs} may be null (an output that received no gradient); returned entries may be null
     * (no gradient for that input). Called by the engine with grad mode equal to {@code createGraph}.
     */
    protected abstract Tensor[] apply(Tensor[] gradOutputs);

    /** PyTorch's name, e.g. {@code "MulBackward0"}, {@code "AccumulateGrad"}, {@code "CopySlices"}. */
    public String name() {
        return name;
    }

    /** The edges to the nodes receiving this node's gradients, in input order ({@code next_functions}). */
    public List<Edge> nextFunctions() {
        return Collections.unmodifiableList(Arrays.asList(next));
    }

    /** True if input {@code i}'s gradient is needed ({@code ctx.needs_input_grad[i]} for built-in nodes). */
    public boolean needsInputGrad(int i) {
        return i < next.length && next[i].node() != null;
    }

    /** The edge that feeds this node's gradient input {@code outputNr} (its forward output outputNr). */
    final Edge edgeTo(int outputNr) {
        if (outputNr != 0) {
            return new Edge(this, outputNr);
        }
        Edge e = outputEdge0;
        if (e == null) {
            e = new Edge(this, 0);
            outputEdge0 = e;
        }
        return e;
    }

    /** Number of forward outputs, i.e. of gradients this node takes. */
    public int numOutputs() {
        return numOutputs;
    }

    /** Shape forward input {@code i} had, which its gradient must have (null if it was not a tensor). */
    public final int[] inputShape(int i) {
        return inputShapes == null || inputShapes[i] == null ? null : inputShapes[i].clone();
    }

    final int[] rawInputShape(int i) {
        return inputShapes == null ? null : inputShapes[i];
    }

    /** Dtype forward input {@code i} had (null if it was not a tensor). */
    public final DType inputDtype(int i) {
        return inputDtypes == null ? null : inputDtypes[i];
    }

    /**
     * Saves a forward input for backward; its version is checked when unpacked. See
     * Note [Saved tensor versions] in {@link SavedTensor}.
     */
    protected final SavedTensor save(Tensor t) {
        return register(new SavedTensor(t, false, this, 0));
    }

    /** Saves this node's own forward output (unpacked with this node as its grad_fn). */
    protected final SavedTensor saveOutput(Tensor out) {
        return register(new SavedTensor(out, true, this, 0));
    }

    /**
     * Note [Saved list is built before publication]: nodes save their tensors while they are constructed (or,
     * for custom functions, before the node is attached to any output), so the list never changes once another
     * thread can see the node; release and rebase only iterate it, and SavedTensor's own fields are volatile.
     */
    private SavedTensor register(SavedTensor s) {
        if (saved == null) {
            saved = new ArrayList<>(2);
        }
        saved.add(s);
        return s;
    }

    /** Frees the saved tensors (after a backward pass without retainGraph). */
    void release() {
        if (saved != null) {
            for (SavedTensor s : saved) {
                s.release();
            }
        }
    }

    /** Points saved outputs at {@code self} after an in-place op wrote this node's output into it. */
    void rebaseSavedOutputs(Tensor self) {
        if (saved != null) {
            for (SavedTensor s : saved) {
                s.rebaseOutput(self);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Hooks

    /**
     * Registers a hook called with ({@code gradInputs}, {@code gradOutputs}) after this node runs; a non-null
     * result replaces gradInputs, {@code grad_fn.register_hook(fn)}.
     */
    public RemovableHandle registerHook(BiFunction<Tensor[], Tensor[], Tensor[]> hook) {
        synchronized (this) {
            if (postHooks == null) {
                postHooks = new CopyOnWriteArrayList<>();
            }
        }
        postHooks.add(hook);
        return () -> postHooks.remove(hook);
    }

    /**
     * Registers a hook called with {@code gradOutputs} before this node runs; a non-null result replaces
     * them, {@code grad_fn.register_prehook(fn)}.
     */
    public RemovableHandle registerPrehook(UnaryOperator<Tensor[]> hook) {
        synchronized (this) {
            if (nodePreHooks == null) {
                nodePreHooks = new CopyOnWriteArrayList<>();
            }
        }
        nodePreHooks.add(hook);
        return () -> nodePreHooks.remove(hook);
    }

    /** A tensor hook on output {@code outputNr} (a non-leaf's register_hook or retain_grad). */
    RemovableHandle addTensorPreHook(int outputNr, UnaryOperator<Tensor> hook) {
        synchronized (this) {
            if (preHooks == null) {
                preHooks = new CopyOnWriteArrayList<>();
            }
        }
        PreHook h = new PreHook(outputNr, hook);
        preHooks.add(h);
        return () -> preHooks.remove(h);
    }

    /** Runs the tensor hooks in registration order (as PyTorch 1.13) and the node pre-hooks. */
    final Tensor[] runPreHooks(Tensor[] grads) {
        if (preHooks != null) {
            for (PreHook h : preHooks) {
                Tensor g = grads[h.outputNr];
                if (g != null) {
                    grads[h.outputNr] = checkHookResult(g, h.fn.apply(g));
                }
            }
        }
        if (nodePreHooks != null) {
            for (UnaryOperator<Tensor[]> h : nodePreHooks) {
                Tensor[] r = h.apply(grads.clone());
                if (r != null) {
                    grads = r;
                }
            }
        }
        return grads;
    }

    /**
     * A tensor hook's result: null keeps the gradient; a tensor replaces it if it has the same shape and
     * dtype (PyTorch's check_single_result messages otherwise).
     */
    static Tensor checkHookResult(Tensor before, Tensor after) {
        if (after == null) {
            return before;
        }
        if (!Arrays.equals(A.shape(before), A.shape(after))) {
            throw new IllegalStateException("hook '<lambda>' has changed the size of value");
        }
        if (before.dtype() != after.dtype()) {
            throw new IllegalStateException("hook '<lambda>' has changed the type of value (was "
                    + before.dtype().legacyTypeName() + " got " + after.dtype().legacyTypeName() + ")");
        }
        return after;
    }

    final Tensor[] runPostHooks(Tensor[] gradInputs, Tensor[] gradOutputs) {
        if (postHooks != null) {
            for (BiFunction<Tensor[], Tensor[], Tensor[]> h : postHooks) {
                Tensor[] r = h.apply(gradInputs.clone(), gradOutputs);
                if (r != null) {
                    gradInputs = r;
                }
            }
        }
        return gradInputs;
    }

    /** {@code <MulBackward0>}. */
    @Override
    public String toString() {
        return "<" + name + ">";
    }

    private static final class PreHook {
        final int outputNr;
        final UnaryOperator<Tensor> fn;

        PreHook(int outputNr, UnaryOperator<Tensor> fn) {
            this.outputNr = outputNr;
            this.fn = fn;
        }
    }
}
