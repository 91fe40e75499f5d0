package io.jgrad.autograd;

import io.jgrad.Tensor;
import io.jgrad.Torch;
import io.jgrad.internal.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Higher-level derivatives of whole functions, PyTorch's {@code torch.autograd.functional}: Jacobians,
 * Hessians and the products vjp, jvp, hvp, vhp, all computed with reverse mode (jvp and hvp by the
 * double-backward trick). Functions take and return tensors; inputs are not modified.
 *
 * <pre>{@code
 * Tensor x = tensor(1.0, 2.0);
 * Tensor j = Functional.jacobian(t -> t.pow(3), x);     // torch.autograd.functional.jacobian(lambda t: t ** 3, x)
 * Tensor h = Functional.hessian(t -> t.pow(3).sum(), x); // torch.autograd.functional.hessian(...)
 * }</pre>
 */
public final class Functional {
    private Functional() {}

    /** A function's value and a derivative product: PyTorch's {@code (func_output, vjp)} tuples. */
    public record Result(Tensor output, Tensor product) {}

    /** The multi-input form of {@link Result}: one product per input. */
    public record Results(Tensor output, List<Tensor> products) {}

    // ------------------------------------------------------------------------------------------------
    // Jacobian and Hessian

    /**
     * The Jacobian of {@code f} at {@code x}, shaped {@code f(x).shape + x.shape},
     * {@code torch.autograd.functional.jacobian(f, x)}.
     */
    public static Tensor jacobian(Function<Tensor, Tensor> f, Tensor x) {
        return jacobian(f, x, false, false);
    }

    /** {@code jacobian(f, x, create_graph=createGraph, strict=strict)}. */
    public static Tensor jacobian(Function<Tensor, Tensor> f, Tensor x, boolean createGraph, boolean strict) {
        return jacobian(in -> f.apply(in[0]), new Tensor[] {x}, createGraph, strict).get(0);
    }

    /** The Jacobians of a multi-input function, one per input ({@code jacobian(f, (x, y))}). */
    public static List<Tensor> jacobian(Function<Tensor[], Tensor> f, Tensor[] inputs, boolean createGraph,
            boolean strict) {
        Tensor[] xs = prepare(inputs, createGraph);
        Tensor out;
        try (ModeGuard g = GradMode.set(true)) {
            out = f.apply(xs);
        }
        checkOutput(out, strict, "Output 0 of the user-provided function");
        int n = out.numel();
        List<List<Tensor>> rows = new ArrayList<>();
        for (int k = 0; k < xs.length; k++) {
            rows.add(new ArrayList<>(n));
        }
        Tensor flat = out.reshape(-1);
        for (int i = 0; i < n; i++) {
            List<Tensor> g = out.requiresGrad()
                    ? gradOrNull(flat.get(i), xs, createGraph, true)
                    : java.util.Collections.nCopies(xs.length, null);
            for (int k = 0; k < xs.length; k++) {
                Tensor gi = g.get(k);
                if (gi == null) {
                    if (strict && out.requiresGrad()) {
                        throw new IllegalStateException("The output of the user-provided function is independent of "
                                + "input " + k + ". This is not allowed in strict mode.");
                    }
                    gi = Torch.zerosLike(xs[k]);
                }
                rows.get(k).add(gi);
            }
        }
        List<Tensor> result = new ArrayList<>(xs.length);
        for (int k = 0; k < xs.length; k++) {
            int[] shape = concat(out.shape(), xs[k].shape());
            Tensor j = n == 0 ? Torch.zeros(shape, xs[k].dtype()) : Torch.stack(rows.get(k), 0).view(shape);
            result.add(createGraph ? j : j.detach());
        }
        return result;
    }

    /**
     * The Hessian of a scalar function, shaped {@code x.shape + x.shape},
     * {@code torch.autograd.functional.hessian(f, x)}.
     */
    public static Tensor hessian(Function<Tensor, Tensor> f, Tensor x) {
        return hessian(f, x, false, false);
    }

    /** {@code hessian(f, x, create_graph=createGraph, strict=strict)}. */
    public static Tensor hessian(Function<Tensor, Tensor> f, Tensor x, boolean createGraph, boolean strict) {
        return jacobian(t -> {
            Tensor y = f.apply(t);
            checkScalar(y, "hessian");
            List<Tensor> g = gradOrNull(y, new Tensor[] {t}, true, true);
            return g.get(0) == null ? Torch.zerosLike(t) : g.get(0);
        }, x, createGraph, strict);
    }

    // ------------------------------------------------------------------------------------------------
    // Products

    /**
     * {@code vjp(f, x, v)}: f(x) and the vector-Jacobian product v^T J; v may be null for a one-element
     * output.
     */
    public static Result vjp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return vjp(f, x, v, false, false);
    }

    /** {@code vjp(f, x, v, create_graph, strict)}. */
    public static Result vjp(Function<Tensor, Tensor> f, Tensor x, Tensor v, boolean createGraph, boolean strict) {
        Results r = vjp(in -> f.apply(in[0]), new Tensor[] {x}, v, createGraph, strict);
        return new Result(r.output(), r.products().get(0));
    }

    /** Multi-input vjp: one product per input. */
    public static Results vjp(Function<Tensor[], Tensor> f, Tensor[] inputs, Tensor v, boolean createGraph,
            boolean strict) {
        Tensor[] xs = prepare(inputs, createGraph);
        Tensor out;
        try (ModeGuard g = GradMode.set(true)) {
            out = f.apply(xs);
        }
        checkOutput(out, strict, "Output 0 of the user-provided function");
        Tensor vv = checkV(v, out, "The vector v can only be None if the user-provided function returns a single "
                + "Tensor with a single element.");
        List<Tensor> g = out.requiresGrad() ? gradWith(out, xs, vv, createGraph)
                : java.util.Collections.nCopies(xs.length, null);
        return new Results(finish(out, createGraph), fill(g, xs, strict, createGraph));
    }

    /**
     * {@code jvp(f, x, v)}: f(x) and the Jacobian-vector product J v, by the double-backward trick; v may
     * be null for a one-element input.
     */
    public static Result jvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return jvp(f, x, v, false, false);
    }

    /** {@code jvp(f, x, v, create_graph, strict)}. */
    public static Result jvp(Function<Tensor, Tensor> f, Tensor x, Tensor v, boolean createGraph, boolean strict) {
        Tensor[] xs = prepare(new Tensor[] {x}, createGraph);
        Tensor vv = checkV(v, xs[0], "The vector v can only be None if the input to the user-provided function is a "
                + "single Tensor with a single element.");
        Tensor out;
        try (ModeGuard g = GradMode.set(true)) {
            out = f.apply(xs[0]);
        }
        checkOutput(out, strict, "Output 0 of the user-provided function");
        if (!out.requiresGrad()) {
            return new Result(finish(out, createGraph), Torch.zerosLike(out));
        }
        try (ModeGuard g = GradMode.set(true)) {
            Tensor u = Torch.zerosLike(out).requiresGrad_();
            List<Tensor> gu = gradOrNullWith(out, xs, u, true);
            if (gu.get(0) == null) {
                return new Result(finish(out, createGraph), Torch.zerosLike(out));
            }
            List<Tensor> jv = gradOrNullWith(gu.get(0), new Tensor[] {u}, vv, createGraph);
            Tensor p = jv.get(0) == null ? Torch.zerosLike(out) : jv.get(0);
            return new Result(finish(out, createGraph), createGraph ? p : p.detach());
        }
    }

    /** {@code hvp(f, x, v)}: f(x) (a scalar) and the Hessian-vector product H v. */
    public static Result hvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return hvp(f, x, v, false, false);
    }

    /** {@code hvp(f, x, v, create_graph, strict)}. For a twice-differentiable f, H is symmetric and hvp == vhp. */
    public static Result hvp(Function<Tensor, Tensor> f, Tensor x, Tensor v, boolean createGraph, boolean strict) {
        return secondOrderProduct(f, x, v, createGraph, strict, "hvp");
    }

    /** {@code vhp(f, x, v)}: f(x) (a scalar) and the vector-Hessian product v^T H. */
    public static Result vhp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return vhp(f, x, v, false, false);
    }

    /** {@code vhp(f, x, v, create_graph, strict)}. */
    public static Result vhp(Function<Tensor, Tensor> f, Tensor x, Tensor v, boolean createGraph, boolean strict) {
        return secondOrderProduct(f, x, v, createGraph, strict, "vhp");
    }

    private static Result secondOrderProduct(Function<Tensor, Tensor> f, Tensor x, Tensor v, boolean createGraph,
            boolean strict, String name) {
        Tensor[] xs = prepare(new Tensor[] {x}, true);
        Tensor vv = checkV(v, xs[0], "The vector v can only be None if the input to the user-provided function is a "
                + "single Tensor with a single element.");
        try (ModeGuard g = GradMode.set(true)) {
            Tensor out = f.apply(xs[0]);
            checkScalar(out, name);
            checkOutput(out, strict, "Output 0 of the user-provided function");
            if (!out.requiresGrad()) {
                return new Result(finish(out, createGraph), Torch.zerosLike(xs[0]));
            }
            Tensor jac = gradOrNull(out, xs, true, true).get(0);
            if (jac == null || !jac.requiresGrad()) {
                if (strict) {
                    throw new IllegalStateException("The jacobian of the user-provided function is independent of "
                            + "input 0. This is not allowed in strict mode when create_graph=True.");
                }
                return new Result(finish(out, createGraph), Torch.zerosLike(xs[0]));
            }
            Tensor p = gradOrNullWith(jac, xs, vv, createGraph).get(0);
            p = p == null ? Torch.zerosLike(xs[0]) : p;
            return new Result(finish(out, createGraph), createGraph ? p : p.detach());
        }
    }

    // ------------------------------------------------------------------------------------------------

    /** Fresh leaves that require grad, sharing the inputs' values (PyTorch's _grad_preprocess). */
    private static Tensor[] prepare(Tensor[] inputs, boolean createGraph) {
        Tensor[] xs = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor x = inputs[i];
            if (createGraph && x.requiresGrad()) {
                xs[i] = x.viewAs(x);
            } else {
                xs[i] = x.detach().requiresGrad_(true);
            }
        }
        return xs;
    }

    private static Tensor finish(Tensor t, boolean createGraph) {
        return createGraph ? t : t.detach();
    }

    private static void checkOutput(Tensor out, boolean strict, String what) {
        if (strict && !out.requiresGrad()) {
            throw new IllegalStateException(what + " does not require gradients. The outputs must be computed in a "
                    + "differentiable manner from the input when running in strict mode.");
        }
    }

    private static void checkScalar(Tensor y, String fn) {
        if (y.numel() != 1) {
            throw new IllegalArgumentException("The function given to " + fn + " should return a single Tensor "
                    + "with a single element, got " + Shapes.str(y.shape()) + ".");
        }
    }

    private static Tensor checkV(Tensor v, Tensor like, String noneMessage) {
        if (v == null) {
            if (like.numel() != 1) {
                throw new IllegalArgumentException(noneMessage);
            }
            return Torch.onesLike(like);
        }
        if (!Arrays.equals(v.shape(), like.shape())) {
            throw new IllegalArgumentException("Mismatch in shape: v has a shape of " + Shapes.str(v.shape())
                    + " but the tensor it multiplies has a shape of " + Shapes.str(like.shape()) + ".");
        }
        return v;
    }

    private static List<Tensor> gradOrNull(Tensor y, Tensor[] xs, boolean createGraph, boolean retain) {
        if (!y.requiresGrad()) {
            return java.util.Collections.nCopies(xs.length, null);
        }
        return Autograd.grad(List.of(y), Arrays.asList(xs), null, retain, createGraph, true);
    }

    private static List<Tensor> gradOrNullWith(Tensor y, Tensor[] xs, Tensor v, boolean createGraph) {
        if (!y.requiresGrad()) {
            return java.util.Collections.nCopies(xs.length, null);
        }
        return Autograd.grad(List.of(y), Arrays.asList(xs), List.of(v), true, createGraph, true);
    }

    private static List<Tensor> gradWith(Tensor y, Tensor[] xs, Tensor v, boolean createGraph) {
        return gradOrNullWith(y, xs, v, createGraph);
    }

    private static List<Tensor> fill(List<Tensor> g, Tensor[] xs, boolean strict, boolean createGraph) {
        List<Tensor> out = new ArrayList<>(g.size());
        for (int k = 0; k < g.size(); k++) {
            Tensor gk = g.get(k);
            if (gk == null) {
                if (strict) {
                    throw new IllegalStateException("The output of the user-provided function is independent of input "
                            + k + ". This is not allowed in strict mode.");
                }
                gk = Torch.zerosLike(xs[k]);
            }
            out.add(createGraph ? gk : gk.detach());
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
