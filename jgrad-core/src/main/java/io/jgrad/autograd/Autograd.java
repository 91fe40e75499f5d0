package io.jgrad.autograd;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.internal.Shapes;
import io.jgrad.internal.TensorAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PyTorch's {@code torch.autograd}: {@code backward} accumulates gradients into leaves, {@code grad} returns
 * them. Both check their arguments first, so a failing call changes nothing.
 *
 * <pre>{@code
 * Tensor x = tensor(3.0).requiresGrad_();                                   // x = torch.tensor([3.], requires_grad=True)
 * Tensor y = x.pow(2);                                                      // y = torch.pow(x, 2)
 * var g1 = Autograd.grad(List.of(y), List.of(x), null, true, true, false);  // torch.autograd.grad(y, x, create_graph=True)
 * var g2 = Autograd.grad(g1.get(0), x);                                     // torch.autograd.grad(grad_1[0], x) -> tensor([2.])
 * }</pre>
 */
public final class Autograd {
    private Autograd() {}

    private static final TensorAccess A = TensorAccess.get();

    /** {@code torch.autograd.backward(tensors)}: implicit gradient 1 for one-element tensors. */
    public static void backward(List<Tensor> tensors) {
        backward(tensors, null, false, false);
    }

    /**
     * {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph)}.
     *
     * @param gradTensors one per tensor (null, or null entries, for one-element tensors)
     * @throws IllegalStateException if a tensor does not require grad, or the graph was freed
     * @throws IllegalArgumentException if a gradient's shape differs from its tensor's
     */
    public static void backward(List<Tensor> tensors, List<Tensor> gradTensors, boolean retainGraph,
            boolean createGraph) {
        Tensor[] grads = makeGrads(tensors, gradTensors);
        Engine.execute(rootEdges(tensors), grads, retainGraph || createGraph, createGraph, null);
    }

    /**
     * {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph, inputs=inputs)}:
     * accumulates only into {@code inputs} (leaves into {@code grad}, non-leaves into their {@code grad} too).
     *
     * @throws IllegalArgumentException if {@code inputs} is empty
     */
    public static void backward(List<Tensor> tensors, List<Tensor> gradTensors, boolean retainGraph,
            boolean createGraph, List<Tensor> inputs) {
        if (inputs == null) {
            backward(tensors, gradTensors, retainGraph, createGraph);
            return;
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("'inputs' argument to backward() cannot be empty.");
        }
        Tensor[] grads = makeGrads(tensors, gradTensors);
        Edge[] roots = rootEdges(tensors);
        List<Edge> captures = inputEdges(inputs);
        Tensor[] got = Engine.execute(roots, grads, retainGraph || createGraph, createGraph, captures);
        try (ModeGuard g = GradMode.set(createGraph)) {
            for (int i = 0; i < inputs.size(); i++) {
                if (got[i] == null) {
                    continue;
                }
                Node n = captures.get(i).node();
                if (n instanceof AccumulateGrad) {
                    ((AccumulateGrad) n).accumulate(got[i]);
                } else {
                    Tensor t = inputs.get(i);
                    Tensor old = t.grad();
                    A.setGradField(t, old == null ? got[i].clone() : old.add(got[i]));
                }
            }
        }
    }

    /** {@code torch.autograd.grad(output, inputs)}: gradients of a one-element output, graph freed. */
    public static List<Tensor> grad(Tensor output, Tensor... inputs) {
        return grad(List.of(output), Arrays.asList(inputs), null, false, false, false);
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)}.
     *
     * @param gradOutputs one per output, or null (implicit ones for one-element outputs)
     * @return one gradient per input; null for an unused input when {@code allowUnused}
     * @throws IllegalStateException if an output or input does not require grad, an input is unused and
     *     {@code allowUnused} is false, or the graph was freed
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs,
            boolean retainGraph, boolean createGraph, boolean allowUnused) {
        Tensor[] grads = makeGrads(outputs, gradOutputs);
        Edge[] roots = rootEdges(outputs);
        List<Edge> captures = inputEdges(inputs);
        Tensor[] got = Engine.execute(roots, grads, retainGraph || createGraph, createGraph, captures);
        List<Tensor> result = new ArrayList<>(inputs.size());
        for (Tensor g : got) {
            if (g == null && !allowUnused) {
                throw new IllegalStateException("One of the differentiated Tensors appears to not have been used in "
                        + "the graph. Set allow_unused=True if this is the desired behavior.");
            }
            result.add(g);
        }
        return result;
    }

    /**
     * Turns anomaly detection on for this thread until closed, {@code with torch.autograd.detect_anomaly():}.
     * Nodes then record their creation stack trace, and a NaN returned by a backward formula throws.
     */
    public static ModeGuard detectAnomaly() {
        boolean previous = Anomaly.set(true);
        return () -> Anomaly.set(previous);
    }

    /** {@code torch.autograd.set_detect_anomaly(mode)} for this thread. */
    public static void setDetectAnomaly(boolean enabled) {
        Anomaly.set(enabled);
    }

    /** {@code torch.is_anomaly_enabled()} for this thread. */
    public static boolean isAnomalyEnabled() {
        return Anomaly.isEnabled();
    }

    private static Edge[] rootEdges(List<Tensor> tensors) {
        Edge[] roots = new Edge[tensors.size()];
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (!t.requiresGrad()) {
                throw new IllegalStateException("element " + i
                        + " of tensors does not require grad and does not have a grad_fn");
            }
            roots[i] = Graph.edgeOf(t);
        }
        return roots;
    }

    private static List<Edge> inputEdges(List<Tensor> inputs) {
        List<Edge> edges = new ArrayList<>(inputs.size());
        for (Tensor t : inputs) {
            if (!t.requiresGrad()) {
                throw new IllegalStateException("One of the differentiated Tensors does not require grad");
            }
            edges.add(Graph.edgeOf(t));
        }
        return edges;
    }

    /** PyTorch's _make_grads: checks given gradients, creates ones for one-element outputs. */
    private static Tensor[] makeGrads(List<Tensor> outputs, List<Tensor> given) {
        if (given != null && given.size() < outputs.size()) {
            throw new IllegalArgumentException("got " + outputs.size() + " tensors and " + given.size() + " gradients");
        }
        Tensor[] grads = new Tensor[outputs.size()];
        for (int i = 0; i < outputs.size(); i++) {
            Tensor out = outputs.get(i);
            Tensor g = given == null ? null : given.get(i);
            if (g == null) {
                if (!out.requiresGrad()) {
                    continue; // rootEdges reports it, as PyTorch's run_backward does after _make_grads
                }
                if (out.numel() != 1) {
                    throw new IllegalStateException("grad can be implicitly created only for scalar outputs");
                }
                g = Torch.onesLike(out);
            } else {
                if (!Arrays.equals(A.shape(g), A.shape(out))) {
                    throw new IllegalArgumentException("Mismatch in shape: grad_output[" + i + "] has a shape of "
                            + Shapes.str(A.shape(g)) + " and output[" + i + "] has a shape of "
                            + Shapes.str(A.shape(out)) + ".");
                }
                if (g.dtype() != out.dtype()) {
                    if (!g.dtype().isFloatingPoint()) {
                        throw new IllegalArgumentException("grad_output[" + i + "] has dtype " + g.dtype()
                                + " but output[" + i + "] has dtype " + out.dtype());
                    }
                    g = g.to(out.dtype());
                }
            }
            grads[i] = g;
        }
        return grads;
    }
}
