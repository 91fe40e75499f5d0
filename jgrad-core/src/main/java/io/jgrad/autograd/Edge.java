package io.jgrad.autograd;

/**
 * A link from a node to the node that receives one of its gradients: PyTorch's {@code (fn, input_nr)} pair
 * in {@code grad_fn.next_functions}. {@link #node()} is null where PyTorch prints None (an input that needs
 * no gradient).
 *
 * <pre>{@code
 * Edge e = y.gradFn().nextFunctions().get(0);   // y.grad_fn.next_functions[0]
 * }</pre>
 *
 * @param node the receiving node, or null
 * @param inputNr which of the receiving node's gradient inputs this edge feeds
 */
public record Edge(Node node, int inputNr) {
    /** The edge of an input that needs no gradient. */
    public static final Edge NONE = new Edge(null, 0);

    /** {@code (<MulBackward0>, 0)} or {@code (None, 0)}. */
    @Override
    public String toString() {
        return "(" + (node == null ? "None" : node.toString()) + ", " + inputNr + ")";
    }
}
