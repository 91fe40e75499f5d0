package io.jgrad.autograd;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.internal.Shapes;
import io.jgrad.internal.TensorAccess;
import io.jgrad.ops.Reductions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs a backward pass (PyTorch's engine.cpp, single-threaded per call).
 *
 * <ol>
 *   <li>Count, for every node reachable from the roots, how many edges lead into it.</li>
 *   <li>With captured inputs ({@code autograd.grad}), mark the nodes on a path to a captured edge; only those
 *       run, and AccumulateGrad nodes that are not captured do not.</li>
 *   <li>Run ready nodes (all incoming gradients arrived), latest-created first, summing gradients that meet
 *       at one input in a per-node buffer.</li>
 * </ol>
 * The pass runs with grad mode equal to {@code createGraph}; without {@code keepGraph} each node frees its
 * saved tensors after running. Gradient writes to leaves are applied at the end, only if the pass succeeded
 * (Note [Gradient accumulation] in AccumulateGrad).
 */
final class Engine {
    private Engine() {}

    private static final TensorAccess A = TensorAccess.get();

    /** Gradient writes of the passes running on this thread (innermost last); see {@link #defer}. */
    private static final ThreadLocal<ArrayDeque<List<Runnable>>> PENDING = ThreadLocal.withInitial(ArrayDeque::new);

    /** Queues a write to a grad field until the innermost running pass succeeds; runs it now outside a pass. */
    static void defer(Runnable write) {
        List<Runnable> writes = PENDING.get().peekLast();
        if (writes == null) {
            write.run();
        } else {
            writes.add(write);
        }
    }

    /**
     * Backpropagates {@code rootGrads} from {@code roots}.
     *
     * @param captures edges whose incoming gradient is returned instead of accumulated (null: accumulate
     *     into leaves)
     * @return the captured gradients, aligned with {@code captures} (null entries where none arrived)
     */
    static Tensor[] execute(List<Edge> roots, List<Tensor> rootGrads, boolean keepGraph, boolean createGraph,
            List<Edge> captures) {
        GraphRoot root = new GraphRoot(roots, rootGrads);
        GraphTask task = new GraphTask(root, captures, keepGraph);
        ArrayDeque<List<Runnable>> pending = PENDING.get();
        pending.addLast(task.gradWrites);
        try (ModeGuard g = GradMode.set(createGraph)) {
            try {
                task.run();
            } finally {
                pending.removeLast();
            }
            for (Runnable w : task.gradWrites) {
                w.run();
            }
        }
        return task.captured;
    }

    /** Per-node bookkeeping of one pass: pending incoming edges, the gradient buffer, whether it must run. */
    private static final class State {
        int deps;
        Tensor[] buffer;
        boolean needed = true;
        List<Integer> captureSlots;
    }

    /** The state of one backward pass. */
    private static final class GraphTask {
        final Map<Node, State> states;
        final List<Edge> captures;
        final Tensor[] captured;
        final boolean keepGraph;
        final List<Runnable> gradWrites = new ArrayList<>();
        final PriorityQueue<Node> ready = new PriorityQueue<>((a, b) -> Long.compare(b.sequenceNr, a.sequenceNr));

        GraphTask(GraphRoot root, List<Edge> captures, boolean keepGraph) {
            this.states = computeDependencies(root);
            this.captures = captures;
            this.keepGraph = keepGraph;
            if (captures != null) {
                for (int i = 0; i < captures.size(); i++) {
                    Node n = captures.get(i).node();
                    if (n != null) {
                        State st = states.get(n);
                        if (st == null) {
                            continue; // not reachable from the roots: stays null (unused input)
                        }
                        if (st.captureSlots == null) {
                            st.captureSlots = new ArrayList<>(1);
                        }
                        st.captureSlots.add(i);
                    }
                }
                computeNeeded(root, states);
                captured = new Tensor[captures.size()];
            } else {
                captured = null;
            }
            ready.add(root);
            states.get(root).buffer = new Tensor[0];
        }

        /** Runs ready nodes until none is left. */
        void run() {
            while (!ready.isEmpty()) {
                Node node = ready.poll();
                State st = states.get(node);
                Tensor[] inputs = st.buffer;
                st.buffer = null;
                if (st.captureSlots != null) {
                    inputs = node.runPreHooks(inputs);
                    for (int i : st.captureSlots) {
                        captured[i] = inputs[captures.get(i).inputNr()];
                    }
                }
                if (!st.needed) {
                    continue;
                }
                if (node instanceof AccumulateGrad) {
                    AccumulateGrad acc = (AccumulateGrad) node;
                    Tensor grad = inputs[0];
                    if (grad != null) {
                        Tensor hooked = acc.runLeafHooks(node.runPreHooks(inputs)[0]);
                        gradWrites.add(() -> acc.accumulate(hooked));
                    }
                    continue;
                }
                Tensor[] outputs = call(node, inputs);
                if (!keepGraph) {
                    node.release();
                }
                for (int i = 0; i < node.next.length; i++) {
                    Edge e = node.next[i];
                    Node nextNode = e.node();
                    if (nextNode == null) {
                        continue;
                    }
                    State ns = states.get(nextNode);
                    if (!ns.needed && ns.captureSlots == null) {
                        continue;
                    }
                    if (ns.buffer == null) {
                        ns.buffer = new Tensor[nextNode.numOutputs()];
                    }
                    Tensor grad = outputs[i];
                    if (grad != null) {
                        Tensor prev = ns.buffer[e.inputNr()];
                        ns.buffer[e.inputNr()] = prev == null ? grad : prev.add(grad);
                    }
                    if (--ns.deps == 0) {
                        ready.add(nextNode);
                    }
                }
            }
        }
    }

    /** Runs one node: hooks, the formula, output validation, anomaly checks. */
    private static Tensor[] call(Node node, Tensor[] inputs) {
        Tensor[] hooked = node.runPreHooks(inputs);
        boolean any = false;
        for (Tensor t : hooked) {
            any |= t != null;
        }
        Tensor[] outputs;
        if (!any && !(node instanceof GraphRoot) && !(node instanceof CustomFunctionNode)) {
            outputs = new Tensor[node.next.length];
        } else {
            try {
                outputs = node.apply(hooked);
            } catch (RuntimeException e) {
                throw Anomaly.isEnabled() ? withForwardTrace(node, e) : e;
            }
            outputs = node.runPostHooks(outputs, hooked);
        }
        if (outputs.length != node.next.length) {
            throw new IllegalStateException("function " + node.name() + " returned an incorrect number of gradients"
                    + " (expected " + node.next.length + ", got " + outputs.length + ")");
        }
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = validate(node, i, outputs[i]);
        }
        if (Anomaly.isEnabled()) {
            for (int i = 0; i < outputs.length; i++) {
                if (outputs[i] != null && hasNaN(outputs[i])) {
                    throw withForwardTrace(node, new IllegalStateException("Function '" + node.name()
                            + "' returned nan values in its " + i + "th output."));
                }
            }
        }
        return outputs;
    }

    /** PyTorch's validate_outputs: a gradient of another shape is summed down if it broadcasts, else an error. */
    private static Tensor validate(Node node, int i, Tensor grad) {
        if (grad == null || node.next[i].node() == null) {
            return node.next[i].node() == null ? null : grad;
        }
        int[] expected = node.rawInputShape(i);
        if (expected == null) {
            return grad;
        }
        int[] got = A.shape(grad);
        if (!java.util.Arrays.equals(expected, got)) {
            if (!Shapes.isExpandableTo(expected, got)) {
                throw new IllegalStateException("Function " + node.name() + " returned an invalid gradient at index "
                        + i + " - got " + Shapes.str(got) + " but expected shape compatible with "
                        + Shapes.str(expected));
            }
            grad = Reductions.sumTo(grad, expected);
        }
        DType dt = node.inputDtype(i);
        if (dt != null && grad.dtype() != dt) {
            grad = grad.to(dt);
        }
        return grad;
    }

    private static boolean hasNaN(Tensor t) {
        if (!t.dtype().isFloatingPoint()) {
            return false;
        }
        for (double v : t.toDoubleArray()) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException withForwardTrace(Node node, RuntimeException e) {
        if (node.creationTrace != null) {
            System.err.println("UserWarning: Error detected in " + node.name()
                    + ". Traceback of forward call that caused the error:");
            node.creationTrace.printStackTrace();
            e.addSuppressed(node.creationTrace);
        }
        return e;
    }

    /** A state per node reachable from {@code root}, holding its number of incoming edges. */
    private static Map<Node, State> computeDependencies(Node root) {
        Map<Node, State> states = new IdentityHashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        states.put(root, new State());
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (Edge e : n.next) {
                Node m = e.node();
                if (m == null) {
                    continue;
                }
                State c = states.get(m);
                if (c == null) {
                    c = new State();
                    states.put(m, c);
                    stack.push(m);
                }
                c.deps++;
            }
        }
        return states;
    }

    /**
     * With captures, only nodes on a path to a captured node run ({@code needed}); iterative post-order.
     * A captured node that leads to no other capture is visited (to capture) but not run.
     */
    private static void computeNeeded(Node root, Map<Node, State> states) {
        for (State st : states.values()) {
            st.needed = false;
        }
        Map<Node, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Node n = (Node) frame[0];
            int i = (Integer) frame[1];
            if (i < n.next.length) {
                frame[1] = i + 1;
                Node m = n.next[i].node();
                if (m != null && visited.put(m, Boolean.TRUE) == null) {
                    stack.push(new Object[] {m, 0});
                }
                continue;
            }
            stack.pop();
            boolean need = false;
            for (Edge e : n.next) {
                Node m = e.node();
                if (m != null) {
                    State sm = states.get(m);
                    if (sm.captureSlots != null || sm.needed) {
                        need = true;
                        break;
                    }
                }
            }
            states.get(n).needed = need;
        }
    }

    /** The synthetic node whose outputs are the root gradients. */
    private static final class GraphRoot extends Node {
        private final List<Tensor> grads;

        GraphRoot(List<Edge> roots, List<Tensor> grads) {
            super("GraphRoot", 0, roots.toArray(new Edge[0]), new int[roots.size()][], new DType[roots.size()],
                    Long.MAX_VALUE);
            this.grads = grads;
        }

        @Override
        protected Tensor[] apply(Tensor[] gradOutputs) {
            return grads.toArray(new Tensor[0]);
        }
    }
}
