package io.jgrad.seeds;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code str()}, {@code print(a, b, ...)} and {@code "{},{}".format(...)} for the seed tests,
 * so that a Java line can be compared with what the Python line of a tutorial prints: {@code null}
 * prints as {@code None}, booleans as {@code True}/{@code False}, everything else by {@code toString()}
 * (a tensor's is PyTorch's repr, a node's is {@code <MulBackward0>}, a list of gradients is
 * {@code [tensor(...), ...]} where Python shows a tuple).
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

    /** What {@code print(args...)} writes, without the final newline: the args joined by spaces. */
    static String print(Object... args) {
        List<String> parts = new ArrayList<>(args.length);
        for (Object a : args) {
            parts.add(str(a));
        }
        return String.join(" ", parts);
    }

    /** {@code fmt.format(args...)} for a format string whose fields are all {@code {}}. */
    static String format(String fmt, Object... args) {
        StringBuilder sb = new StringBuilder();
        int from = 0;
        for (Object a : args) {
            int at = fmt.indexOf("{}", from);
            if (at < 0) {
                throw new IllegalArgumentException("more arguments than {} fields in " + fmt);
            }
            sb.append(fmt, from, at).append(str(a));
            from = at + 2;
        }
        if (fmt.indexOf("{}", from) >= 0) {
            throw new IllegalArgumentException("fewer arguments than {} fields in " + fmt);
        }
        return sb.append(fmt.substring(from)).toString();
    }
}
