package io.jgrad.examples;

import io.jgrad.autograd.Edge;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What Python's {@code print} writes for the values the tutorials print: {@code None} for null,
 * {@code True}/{@code False}, a tuple for {@code grad_fn.next_functions}, and a tensor's or node's
 * {@code toString()} (PyTorch's repr, without CPython's {@code object at 0x...} addresses).
 */
final class Py {
    private Py() {}

    /** {@code str(o)}. */
    static String str(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return o.toString();
    }

    /** {@code print(args...)} without the newline: the args' {@link #str} joined by spaces. */
    static String print(Object... args) {
        List<String> parts = new ArrayList<>(args.length);
        for (Object a : args) {
            parts.add(str(a));
        }
        return String.join(" ", parts);
    }

    /** {@code print(fn.next_functions)}: {@code ((<MulBackward0>, 0), (None, 0))}, {@code ((<AccumulateGrad>, 0),)}, {@code ()}. */
    static String tuple(List<Edge> edges) {
        String items = edges.stream().map(Edge::toString).collect(Collectors.joining(", "));
        return "(" + items + (edges.size() == 1 ? ",)" : ")");
    }
}
