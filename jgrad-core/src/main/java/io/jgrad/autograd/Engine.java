package io.jgrad.autograd;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.internal.Shapes;
import io.jgrad.internal.TensorAccess;
import io.jgrad.ops.Reductions;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
    private static final Tensor[] NO_TENSORS = new Tensor[0];

    /** The passes running on this thread, innermost last; see {@link #defer}. */
    private static final ThreadLocal<ArrayDeque<GraphTask>> RUNNING = ThreadLocal.withInitial(ArrayDeque::new);

    /** Queues a write to a grad field until the innermost running pass succeeds; runs it now outside a pass. */
    static void defer(Runnable write) {
        GraphTask task = RUNNING.get().peekLast();
        if (task == null) {
            write.run();
        } else {
            task.defer(write);
        }
    }

    /**
     * Backpropagates {@code rootGrads} from {@code roots}.
     *
     * @param captures edges whose incoming gradient is returned instead of accumulated (null: accumulate
     *     into leaves)
     * @return the captured gradients, aligned with {@code captures} (null entries where none arrived)
     */
    static Tensor[] execute(Edge[] roots, Tensor[] rootGrads, boolean keepGraph, boolean createGraph,
            List<Edge> captures) {
        GraphRoot root = new GraphRoot(roots, rootGrads);
        GraphTask task = new GraphTask(captures, keepGraph);
        ArrayDeque<GraphTask> running = RUNNING.get();
        running.addLast(task);
        try (ModeGuard g = GradMode.set(createGraph)) {
            try {
                task.prepare(root);
                task.run();
            } finally {
                running.removeLast();
                task.releaseStates();
            }
            task.applyGradWrites();
        }
        return task.captured;
    }

    /**
     * Per-node bookkeeping of one pass: pending incoming edges, the gradient buffer, whether it must run.
     *
     * <p>Note [Pass state in nodes]: a pass keeps each node's state in the node's {@code passState} field,
     * claimed with a compare-and-set, instead of a map (the map was the largest cost of a pass on small
     * graphs). A node already claimed by another pass (a backward inside a hook or custom function, or another
     * thread's backward through a shared, retained graph) gets its state from this pass's overflow map. A pass
     * clears the fields it claimed when it ends, whether it succeeded or not.
     */
    static final class State {
        final GraphTask task;
        final Node node;
        /** The next state this pass claimed (a list through the states, for clearing them). */
        State nextClaimed;
        int deps;
        Tensor[] buffer;
        boolean needed = true;
        List<Integer> captureSlots;

        State(GraphTask task, Node node) {
            this.task = task;
            this.node = node;
        }
    }

    private static final VarHandle PASS_STATE;

    static {
        try {
            PASS_STATE = MethodHandles.privateLookupIn(Node.class, MethodHandles.lookup())
                    .findVarHandle(Node.class, "passState", State.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The state of one backward pass. */
    static final class GraphTask {
        final List<Edge> captures;
        Tensor[] captured;
        final boolean keepGraph;
        /** States claimed in their nodes (Note [Pass state in nodes]), linked through nextClaimed. */
        private State claimed;
        /** States of nodes another pass had claimed. */
        private Map<Node, State> overflow;
        /** Ready nodes: a binary max-heap on sequence number (latest-created runs first, as in PyTorch). */
        private Node[] heap = new Node[8];
        private int heapSize;
        /** Gradients for leaves, applied when the pass succeeds (Note [Gradient accumulation]). */
        private AccumulateGrad[] accumulators;
        private Tensor[] accumulated;
        private int numAccumulated;
        /** Other deferred grad writes (retained gradients of non-leaves), in order after the accumulations. */
        private List<Runnable> writes;

        GraphTask(List<Edge> captures, boolean keepGraph) {
            this.captures = captures;
            this.keepGraph = keepGraph;
        }

        /** The state of {@code n} in this pass, or null if the pass has not reached it. */
        State state(Node n) {
            State s = n.passState;
            if (s != null && s.task == this) {
                return s;
            }
            return overflow == null ? null : overflow.get(n);
        }

        private State newState(Node n) {
            State s = new State(this, n);
            if (n.passState == null && PASS_STATE.compareAndSet(n, (State) null, s)) {
                s.nextClaimed = claimed;
                claimed = s;
            } else {
                if (overflow == null) {
                    overflow = new IdentityHashMap<>();
                }
                overflow.put(n, s);
            }
            return s;
        }

        /** Clears the node fields this pass claimed. */
        void releaseStates() {
            for (State s = claimed; s != null; s = s.nextClaimed) {
                PASS_STATE.setRelease(s.node, (State) null);
            }
            claimed = null;
        }

        /** Counts dependencies, marks captures and needed nodes, and queues the root. */
        void prepare(GraphRoot root) {
            computeDependencies(root);
            if (captures != null) {
                for (int i = 0; i < captures.size(); i++) {
                    Node n = captures.get(i).node();
                    if (n != null) {
                        State st = state(n);
                        if (st == null) {
                            continue; // not reachable from the roots: stays null (unused input)
                        }
                        if (st.captureSlots == null) {
                            st.captureSlots = new ArrayList<>(1);
                        }
                        st.captureSlots.add(i);
                    }
                }
                computeNeeded(root);
                captured = new Tensor[captures.size()];
            }
            push(root);
            state(root).buffer = NO_TENSORS;
        }

        /** A state per node reachable from {@code root}, holding its number of incoming edges. */
        private void computeDependencies(Node root) {
            Node[] stack = heap; // empty until the root is pushed: lend it to the walk
            int top = 0;
            stack[top++] = root;
            newState(root);
            while (top > 0) {
                Node n = stack[--top];
                for (Edge e : n.next) {
                    Node m = e.node();
                    if (m == null) {
                        continue;
                    }
                    State c = state(m);
                    if (c == null) {
                        c = newState(m);
                        if (top == stack.length) {
                            stack = Arrays.copyOf(stack, top * 2);
                        }
                        stack[top++] = m;
                    }
                    c.deps++;
                }
            }
            Arrays.fill(stack, null);
            heap = stack;
        }

        /**
         * With captures, only nodes on a path to a captured node run ({@code needed}); iterative post-order.
         * A captured node that leads to no other capture is visited (to capture) but not run.
         */
        private void computeNeeded(Node root) {
            for (State st = claimed; st != null; st = st.nextClaimed) {
                st.needed = false;
            }
            if (overflow != null) {
                for (State st : overflow.values()) {
                    st.needed = false;
                }
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
                        State sm = state(m);
                        if (sm.captureSlots != null || sm.needed) {
                            need = true;
                            break;
                        }
                    }
                }
                state(n).needed = need;
            }
        }

        private void push(Node n) {
            if (heapSize == heap.length) {
                heap = Arrays.copyOf(heap, heapSize * 2);
            }
            int i = heapSize++;
            long seq = n.sequenceNr;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                Node p = heap[parent];
                if (p.sequenceNr >= seq) {
                    break;
                }
                heap[i] = p;
                i = parent;
            }
            heap[i] = n;
        }

        private Node pop() {
            Node top = heap[0];
            Node last = heap[--heapSize];
            heap[heapSize] = null;
            if (heapSize > 0) {
                int i = 0;
                long seq = last.sequenceNr;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= heapSize) {
                        break;
                    }
                    if (child + 1 < heapSize && heap[child + 1].sequenceNr > heap[child].sequenceNr) {
                        child++;
                    }
                    if (heap[child].sequenceNr <= seq) {
                        break;
                    }
                    heap[i] = heap[child];
                    i = child;
                }
                heap[i] = last;
            }
            return top;
        }

        void defer(Runnable write) {
            if (writes == null) {
                writes = new ArrayList<>(2);
            }
            writes.add(write);
        }

        private void deferAccumulation(AccumulateGrad acc, Tensor grad) {
            if (accumulators == null) {
                accumulators = new AccumulateGrad[4];
                accumulated = new Tensor[4];
            } else if (numAccumulated == accumulators.length) {
                accumulators = Arrays.copyOf(accumulators, numAccumulated * 2);
                accumulated = Arrays.copyOf(accumulated, numAccumulated * 2);
            }
            accumulators[numAccumulated] = acc;
            accumulated[numAccumulated++] = grad;
        }

        /** Applies the deferred gradient writes (the pass succeeded). */
        void applyGradWrites() {
            for (int i = 0; i < numAccumulated; i++) {
                accumulators[i].accumulate(accumulated[i]);
            }
            if (writes != null) {
                for (Runnable w : writes) {
                    w.run();
                }
            }
        }

        /** Runs ready nodes until none is left. */
        void run() {
            while (heapSize > 0) {
                Node node = pop();
                State st = state(node);
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
                        deferAccumulation(acc, acc.runLeafHooks(node.runPreHooks(inputs)[0]));
                    }
                    continue;
                }
                Tensor[] outputs = call(node, inputs);
                if (!keepGraph) {
                    node.release();
                }
                Edge[] next = node.next;
                for (int i = 0; i < next.length; i++) {
                    Edge e = next[i];
                    Node nextNode = e.node();
                    if (nextNode == null) {
                        continue;
                    }
                    State ns = state(nextNode);
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
                        push(nextNode);
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

    /** The synthetic node whose outputs are the root gradients. */
    private static final class GraphRoot extends Node {
        private final Tensor[] grads;

        GraphRoot(Edge[] roots, Tensor[] grads) {
            super("GraphRoot", 0, roots, null, null, Long.MAX_VALUE);
            this.grads = grads;
        }

        /** The root gradients (the array itself: the root runs once per pass). */
        @Override
        protected Tensor[] apply(Tensor[] gradOutputs) {
            return grads;
        }
    }
}
